package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestAcceptedDeviceWithNonASCIINameHasAReachableSlug accepts a missing
// claim naming a device claimboard has not seen, in more than ASCII: its
// slug must be one the hardware page accepts (there was a Unicode slugifier
// here that kept "ü", which the routes then refused). The moderator
// confirms it as a new device.
func TestAcceptedDeviceWithNonASCIINameHasAReachableSlug(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		c := mustSubmit(t, s, models.NewSuggestion{PaperID: d.PaperID, Form: models.SuggestionForm{
			Metric: "duration", Value: "3", Unit: "h", Hardware: "Süper Ascend 910B", HardwareCount: "8",
			Evidence: "Training takes 3 hours on 8 A100 GPUs", Reason: "missed"}})
		rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID, NewDevice: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(ctx, rev.ClaimID)
		if err != nil || got.HardwareName != "Süper Ascend 910B" || got.HardwareSlug != "s-per-ascend-910b" {
			t.Fatalf("claim = %+v, %v", got, err)
		}
		if h, err := s.GetHardware(ctx, got.HardwareSlug); err != nil || h.Name != got.HardwareName {
			t.Fatalf("GetHardware(%q) = %+v, %v", got.HardwareSlug, h, err)
		}
	})
}
