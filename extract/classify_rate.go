package extract

import "strings"

var machineNouns = map[string]bool{"laptop": true, "laptops": true, "desktop": true, "phone": true, "phones": true,
	"smartphone": true, "machine": true, "machines": true, "server": true, "servers": true, "node": true, "nodes": true,
	"gpu": true, "gpus": true, "card": true, "cards": true, "device": true, "devices": true, "workstation": true, "pc": true}

// deviceSpec reports a memory size that describes a machine: "a laptop
// with 16 GB RAM", "GPUs with 80 GB of memory".
func (s *sentence) deviceSpec(c *cand) bool {
	toks := s.toks
	if c.ti < 2 || toks[c.ti-1].lw != "with" {
		return false
	}
	for k := c.ti - 2; k >= 0 && k >= c.ti-4; k-- {
		if machineNouns[toks[k].lw] || toks[k].masked {
			return true
		}
		if isClausePunct(toks[k].lw) {
			break
		}
	}
	return false
}

// energyEfficiency reports "higher energy efficiency", "more
// energy-efficient" or "better performance per watt" right after a factor.
func (s *sentence) energyEfficiency(k, r int) bool {
	toks := s.toks
	for j := k; j < r && j < k+4; j++ {
		w := toks[j].lw
		if strings.HasPrefix(w, "energy-efficien") || strings.HasPrefix(w, "power-efficien") || w == "perf/watt" || w == "performance/watt" {
			return true
		}
		if (w == "energy" || w == "power") && j+1 < r && strings.HasPrefix(toks[j+1].lw, "efficien") {
			return true
		}
		if w == "per" && j+1 < r && (toks[j+1].lw == "watt" || toks[j+1].lw == "joule") {
			return true
		}
	}
	return false
}

// specNouns after a figure make it a property of a device or link ("a
// 100 Gbps network", "a 15 W power budget"), a setting rather than a result.
var specNouns = map[string]bool{"network": true, "networks": true, "link": true, "links": true, "nic": true, "nics": true,
	"ethernet": true, "infiniband": true, "interconnect": true, "budget": true, "envelope": true, "tdp": true, "cap": true,
	"limit": true, "device": true, "devices": true, "board": true, "chip": true, "gpu": true, "gpus": true, "cpu": true,
	"switch": true, "switches": true, "port": true, "ports": true, "ssd": true, "ssds": true, "drive": true, "disk": true}

// classifyRate files bandwidth, item throughput, power and energy figures,
// leaving out what describes the hardware rather than the paper's result.
func (s *sentence) classifyRate(c *cand, l, r int) {
	toks := s.toks
	if c.tj < len(toks) && specNouns[toks[c.tj].lw] {
		p := s.qualStart(c.ti) - 1
		if p >= 0 && (toks[p].lw == "a" || toks[p].lw == "an" || toks[p].lw == "per" || toks[p].lw == "with" || toks[p].lw == "under") {
			// "on a 10 Gbps network", "under a 5 W budget".
			c.drop = true
			return
		}
	}
	if s.cueScan(c.ti, c.tj, l, r, 4, []string{"tdp", "budget", "rated", "nominal", "theoretical", "peak"}) < 1e9 && c.unit.kind != ukEnergy {
		c.drop = true
		return
	}
	switch c.unit.kind {
	case ukBandwidth:
		c.metric, c.unitLabel = "bandwidth", "GB/s"
	case ukThroughput:
		c.metric, c.unitLabel = "throughput", c.unit.label
	case ukPower:
		c.metric, c.unitLabel = "power", "W"
	case ukEnergy:
		c.metric, c.unitLabel = "energy", "J"
		if c.unit.per != "" {
			c.condition = "per " + c.unit.per
		} else if c.tj+1 < len(toks) && toks[c.tj].lw == "per" && toks[c.tj+1].kind == tkWord {
			c.condition = "per " + toks[c.tj+1].lw
		}
	}
	c.conf += 0.3
}

// trainedSize reports a bare model size that a finite verb of training or
// serving governs ("trains a 13B model", "scaling to 32B models"): the
// paper's capacity, a claim even beside other figures. "requires 14 GB to
// serve a 70B model" states a purpose: the size is the other figure's setting.
func (s *sentence) trainedSize(c *cand) bool {
	toks := s.toks
	p := c.ti - 1
	for p >= 0 && (toks[p].lw == "a" || toks[p].lw == "an" || toks[p].lw == "to" && p > 0 && hasPrefixAny(toks[p-1].lw, []string{"scal", "up"})) {
		p--
	}
	if p < 0 || !hasPrefixAny(toks[p].lw, []string{"train", "fine-tun", "finetun", "serv", "scal", "pretrain", "pre-train", "enabl"}) {
		return false
	}
	// "serves a 70B model at 12 tokens/s": the size sets the figure after it.
	for k := c.tj; k < len(toks) && k <= c.tj+2; k++ {
		if toks[k].lw == "at" && k+1 < len(toks) && toks[k+1].kind == tkNum {
			return false
		}
	}
	return p == 0 || toks[p-1].lw != "to" && toks[p-1].lw != "for" && toks[p-1].lw != "when" && toks[p-1].lw != "while"
}

// efficiencyGain reports "2.16x efficiency gain", "1.44 improvement in
// compute density and energy efficiency": work per resource, not time.
func (s *sentence) efficiencyGain(k, r int) bool {
	toks := s.toks
	for j := k; j < r && j < k+6; j++ {
		w := toks[j].lw
		if strings.HasPrefix(toks[j].w, "efficien") {
			return j == 0 || toks[j-1].lw != "scaling" && toks[j-1].lw != "parallel"
		}
		if w == "density" || w == "attainment" {
			return true
		}
		if hasPrefixAny(w, []string{"speed", "fast", "throughput", "latency", "accelerat"}) {
			return false
		}
	}
	return false
}

// peakBefore reports "a peak X of N": "peak" opening the noun phrase that
// the figure is "of".
func (s *sentence) peakBefore(ti int) bool {
	toks := s.toks
	k := s.qualStart(ti) - 1
	if k < 1 || toks[k].lw != "of" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if toks[j].lw == "peak" {
			return true
		}
		if toks[j].kind != tkWord || isFunctionWord(toks[j].lw) {
			break
		}
	}
	return false
}
