package models_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// hardwareSlugs lists every stored device's slug.
func hardwareSlugs(t *testing.T, s *models.Store) []string {
	t.Helper()
	list, err := s.HardwareList(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range list {
		out = append(out, h.Slug)
	}
	return out
}

// A device typed as an alias is the device it names, on submit and on
// accept; a device nobody knows is created only when the moderator says so.
func TestSuggestedDevicesAreCanonical(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		accept := func(id int64, newDevice bool) error {
			cur, err := s.GetClaim(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.AcceptCorrection(ctx, models.Decision{CorrectionID: id, ModeratorID: mod.ID, ClaimVersion: cur.Version, NewDevice: newDevice})
			return err
		}

		// Submit: the alias is stored as the canonical name, so the queue
		// and the record show the device, not the spelling.
		for _, typed := range []string{"rtx3090", "RTX-3090", "nvidia rtx 3090"} {
			f := formOf(d)
			f.Hardware, f.HardwareCount = typed, "2"
			c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
			it, err := s.GetCorrection(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if it.Proposed.HardwareName != "NVIDIA RTX 3090" || it.NewDevice != "" {
				t.Errorf("%q: proposed hardware %q, new device %q", typed, it.Proposed.HardwareName, it.NewDevice)
			}
			if !strings.Contains(c.Proposed, `"hardware_count"`) || strings.Contains(c.Proposed, `"hardware"`) {
				t.Errorf("%q: stored %s; the device is unchanged, only the count", typed, c.Proposed)
			}
		}

		// Accept: a suggestion stored before the mapping (its hardware is
		// the raw alias) still lands on the canonical device.
		f := formOf(d)
		f.Hardware = "Some Accelerator"
		c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if err := s.GormDB().Model(&models.Correction{}).Where("id = ?", c.ID).
			Update("proposed", `{"hardware":"rtx-3090","value":300}`).Error; err != nil {
			t.Fatal(err)
		}
		if it, _ := s.GetCorrection(ctx, c.ID); it.NewDevice != "" {
			t.Fatalf("an alias is shown as new device %q", it.NewDevice)
		}
		if err := accept(c.ID, false); err != nil {
			t.Fatalf("accept alias: %v", err)
		}
		got, _ := s.GetClaim(ctx, d.ID)
		if got.HardwareSlug != "nvidia-rtx-3090" || got.Value != 300 {
			t.Fatalf("after accept: hardware %q value %v", got.HardwareSlug, got.Value)
		}
		if slugs := hardwareSlugs(t, s); !slices.Equal(slugs, []string{"nvidia-rtx-3090"}) {
			t.Fatalf("devices after accepting an alias = %v", slugs)
		}

		// A gazetteer device not stored yet is known, not new: it is
		// stored under its canonical name and slug.
		f = formOf(got)
		f.Hardware = "a100"
		c = mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if err := accept(c.ID, false); err != nil {
			t.Fatalf("accept gazetteer device: %v", err)
		}
		if got, _ = s.GetClaim(ctx, d.ID); got.HardwareName != "NVIDIA A100" || got.HardwareSlug != "nvidia-a100" {
			t.Fatalf("gazetteer device stored as %q /%s", got.HardwareName, got.HardwareSlug)
		}

		// An unknown device: shown as new, refused without confirmation
		// (naming the field, changing nothing), created with it.
		f = formOf(got)
		f.Hardware = "Quantum Toaster 9000"
		c = mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if it, _ := s.GetCorrection(ctx, c.ID); it.NewDevice != "Quantum Toaster 9000" {
			t.Fatalf("new device = %q", it.NewDevice)
		}
		before := hardwareSlugs(t, s)
		err := accept(c.ID, false)
		if models.ErrorCode(err) != models.EInvalid || !strings.Contains(models.ErrorMessage(err), "new_device") {
			t.Fatalf("unconfirmed new device: err %v", err)
		}
		if after, _ := s.GetClaim(ctx, d.ID); after.Version != got.Version || after.HardwareName != "NVIDIA A100" {
			t.Fatalf("a refused accept changed the claim: %+v", after)
		}
		if it, _ := s.GetCorrection(ctx, c.ID); it.Status != models.CorrectionPending {
			t.Fatalf("a refused accept decided the suggestion: %s", it.Status)
		}
		if slugs := hardwareSlugs(t, s); !slices.Equal(slugs, before) {
			t.Fatalf("a refused accept stored a device: %v", slugs)
		}
		if err := accept(c.ID, true); err != nil {
			t.Fatalf("confirmed new device: %v", err)
		}
		if got, _ = s.GetClaim(ctx, d.ID); got.HardwareSlug != "quantum-toaster-9000" {
			t.Fatalf("new device stored as %q", got.HardwareSlug)
		}

		// Once stored, the new device is known in any spelling.
		f = formOf(got)
		f.Hardware, f.HardwareCount = "quantum-toaster 9000", "4"
		c = mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if it, _ := s.GetCorrection(ctx, c.ID); it.NewDevice != "" || strings.Contains(c.Proposed, `"hardware"`) {
			t.Fatalf("a stored device in another spelling: new %q, proposed %s", it.NewDevice, c.Proposed)
		}
		names, err := s.KnownDevices(ctx)
		if err != nil || !slices.Contains(names, "Quantum Toaster 9000") || !slices.Contains(names, "NVIDIA RTX 3090") || !slices.Contains(names, "NVIDIA H100") {
			t.Fatalf("known devices (%d) miss stored or gazetteer ones: %v", len(names), err)
		}
	})
}

// A missing claim's device is mapped the same way when accepted.
func TestMissingClaimDeviceIsCanonical(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		c := mustSubmit(t, s, models.NewSuggestion{PaperID: d.PaperID, Form: models.SuggestionForm{
			Metric: "duration", Value: "3", Unit: "h", Hardware: "A-100", HardwareCount: "8",
			Evidence: "Training takes 3 hours on 8 A100 GPUs", Reason: "missed"}})
		rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(ctx, rev.ClaimID)
		if err != nil || got.HardwareSlug != "nvidia-a100" {
			t.Fatalf("missing claim's device = %q (%v)", got.HardwareSlug, err)
		}
		if slugs := hardwareSlugs(t, s); slices.Contains(slugs, "a-100") {
			t.Fatalf("an alias became a device: %v", slugs)
		}
	})
}
