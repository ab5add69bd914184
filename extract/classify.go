package extract

import "strings"

// classify picks the metric from the unit and the surrounding words.
func (s *sentence) classify(c *cand, prev *cand) {
	l, r := s.clause(c.ti, c.tj)
	sl, sr := 0, len(s.toks)
	switch c.unit.kind {
	case ukFactor:
		if s.cueScan(c.ti, c.tj, l, r, 6, killCues) < 4 || c.tj < len(s.toks) && s.toks[c.tj].lw == "overhead" || s.moreCost(c.tj) {
			// "2x slower", "a gap of 1.5x", "3x overhead": costs, not results.
			c.drop = true
			return
		}
		if s.energyEfficiency(c.tj, r) || s.efficiencyGain(c.tj, r) {
			// "2.7x higher energy efficiency" is work per joule, not time.
			c.metric, c.unitLabel = "other", "x"
			c.conf += 0.15
			return
		}
		if c.wordMetric != "" {
			if c.wordMetric == "reduction_factor" && c.tj < len(s.toks) && s.cueScan(c.ti, c.tj, c.tj, min(r, c.tj+3), 3, []string{"throughput", "performance", "speed", "bandwidth", "accuracy"}) < 1e9 {
				// "small writes halve throughput": a loss, not a saving.
				c.drop = true
				return
			}
			c.metric, c.unitLabel = c.wordMetric, "x"
			c.conf += 0.2
			return
		}
		if c.numWord && c.ti > 0 && strings.HasSuffix(s.toks[c.ti].lw, "ples") || s.toks[c.ti].lw == "doubles" {
			// "Batching doubles the throughput": the verb's object names
			// what grew, not its subject.
			l = c.ti
		}
		if prev != nil && !prev.drop && prev.unit.kind == ukFactor && s.parenContinues(prev, c) &&
			s.cueScan(c.ti, c.tj, c.tj, r, 2, append(append(append([]string{}, speedCues...), reduceCues...), capacityCues...)) == 1e9 {
			c.metric, c.unitLabel = prev.metric, "x"
			c.conf += 0.2
			return
		}
		// Words of a qualifier ("more than 2x", "less than 3x") say nothing
		// about what is measured.
		ti0 := s.qualStart(c.ti)
		if ti0 > 1 && s.toks[ti0-1].lw == "of" {
			// "an average improvement of 2.08x": the noun before "of" names it.
			switch s.toks[ti0-2].lw {
			case "improvement", "improvements", "speedup", "speedups", "speed-up", "acceleration":
				c.metric, c.unitLabel = "speedup", "x"
				c.conf += 0.25
				return
			case "reduction", "reductions", "compression", "saving", "savings":
				c.metric, c.unitLabel = "reduction_factor", "x"
				c.conf += 0.25
				return
			}
		}
		// The verb that governs the clause may stand far before the figure
		// ("reduces the communication volume and overhead by up to 22.89x").
		ds := s.cueScan(ti0, c.tj, l, r, 8, speedCues)
		dr := s.cueScan(ti0, c.tj, l, r, 8, reduceCues)
		dc := s.cueScan(ti0, c.tj, l, r, 8, capacityCues)
		if ds == 1e9 && dr == 1e9 && dc == 1e9 {
			// "more than 2x, nearly 3x and ~4x higher throughput": a list
			// of figures shares the noun after its last member.
			if rr := s.listEnd(r); rr > r {
				ds = s.cueScan(ti0, c.tj, l, rr, 16, speedCues)
				dr = s.cueScan(ti0, c.tj, l, rr, 16, reduceCues)
				dc = s.cueScan(ti0, c.tj, l, rr, 16, capacityCues)
			}
		}
		if ds == 1e9 && dr == 1e9 && dc == 1e9 {
			ds = s.cueScan(ti0, c.tj, l, c.tj, 16, speedCues)
			dr = s.cueScan(ti0, c.tj, l, c.tj, 16, reduceCues)
			dc = s.cueScan(ti0, c.tj, l, c.tj, 16, capacityCues)
		}
		switch {
		case dr < ds && dr < dc:
			c.metric = "reduction_factor"
		case dc < ds && dc < dr:
			c.metric = "capacity_factor"
		case ds < 1e9:
			c.metric = "speedup"
		default:
			if prev != nil && !prev.drop && prev.unit.kind == ukFactor && s.listContinues(prev, c) {
				c.metric = prev.metric
				break
			}
			if prev != nil && prev.background && prev.metric != "" && prev.unit.kind == ukFactor && c.ti-prev.tj <= 8 {
				// "Prior systems reach 1.2x speedups; ours achieves 3.1x": the
				// contrasted figure measures the same thing.
				c.metric = prev.metric
				break
			}
			// A parenthetical aside does not end the clause: "outperforms X
			// (A and B) by 1.2x".
			lw := l
			if lw > 0 && s.toks[lw-1].lw == ")" {
				for lw > 0 && s.toks[lw-1].lw != "(" {
					lw--
				}
				if lw > 0 {
					lw--
				}
				for lw > 0 && !isClausePunct(s.toks[lw-1].lw) {
					lw--
				}
			}
			if l > 0 && s.toks[l-1].lw == "(" {
				// "CPUs outperform NPUs in prefill (up to 1.6x)": a figure
				// alone in parentheses quantifies the statement before them.
				lw = l - 1
				for lw > 0 && !isClausePunct(s.toks[lw-1].lw) {
					lw--
				}
				ps, pr := s.cueScan(ti0, c.tj, lw, r, 16, speedCues), s.cueScan(ti0, c.tj, lw, r, 16, reduceCues)
				if pr < ps {
					c.metric, c.unitLabel = "reduction_factor", "x"
					c.conf += 0.1
					return
				}
				if ps < 1e9 {
					c.metric, c.unitLabel = "speedup", "x"
					c.conf += 0.1
					return
				}
			}
			ws := s.cueScan(ti0, c.tj, lw, r, 12, weakSpeed)
			wc := s.cueScan(ti0, c.tj, l, r, 8, weakCapacity)
			switch {
			case wc < ws:
				c.metric = "capacity_factor"
				c.conf -= 0.1
			case ws < 1e9:
				c.metric = "speedup"
				c.conf -= 0.1
			case s.cueScan(ti0, c.tj, sl, sr, 6, []string{"over", "than", "compared", "vs", "versus", "relative"}) < 1e9:
				c.metric = "speedup"
				c.conf -= 0.2
			default:
				c.drop = true
				return
			}
		}
		c.unitLabel = "x"
		c.conf += 0.25
	case ukFPS:
		// A camera or video frame rate is an input condition, not a result.
		for k := c.ti - 1; k >= 0 && k >= c.ti-4; k-- {
			switch s.toks[k].lw {
			case "captured", "recorded", "sampled", "camera", "cameras", "footage", "input", "frames", "clips", "display", "monitor", "refresh":
				c.drop = true
				return
			}
		}
		if c.tj < len(s.toks) && (s.toks[c.tj].lw == "display" || s.toks[c.tj].lw == "refresh" || s.toks[c.tj].lw == "monitor" || s.toks[c.tj].lw == "camera" || s.toks[c.tj].lw == "video") {
			// "a 60Hz display", "30 fps video": a device or input property.
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "fps", "FPS"
		c.conf += 0.35
	case ukTFLOPS:
		c.metric, c.unitLabel = "tflops_per_gpu", "TFLOPS"
		if !c.unit.perGPU && s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"aggregate", "total", "sustain", "cluster", "system"}) < 1e9 &&
			s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"per", "each"}) == 1e9 {
			c.metric, c.unitLabel = "aggregate_flops", "PFLOPS"
			c.v /= 1000
			c.hi /= 1000
		}
		c.conf += 0.35
	case ukPFLOPS:
		c.metric, c.unitLabel = "aggregate_flops", "PFLOPS"
		if c.unit.perGPU {
			c.metric, c.unitLabel = "tflops_per_gpu", "TFLOPS"
			c.v *= 1000
			c.hi *= 1000
		}
		c.conf += 0.35
	case ukPct, ukPP:
		s.classifyPercent(c, l, r)
	case ukTokens:
		if c.tj < len(s.toks) && (strings.HasSuffix(s.toks[c.tj-1].lw, "token") || strings.HasSuffix(s.toks[c.tj-1].lw, "-tokens")) && countedNoun(s.toks[c.tj]) {
			// "for 64-128 token prompts", "over 1,024-token contexts": a setting.
			c.drop = true
			return
		}
		if p := s.qualStart(c.ti) - 1; p >= 0 && (s.toks[p].lw == "at" || s.toks[p].lw == "for") && len(s.hw) >= 0 && c.prev != nil && !c.prev.drop {
			// "69% higher throughput at 32K context length": the figure's setting.
			c.drop = true
			return
		}
		if c.unit.label == "context" && c.prev != nil && !c.prev.drop && s.inParens(c.ti) {
			// "3x speedup on GPT-2 (seq. length 1K)": the setting of the figure before.
			c.drop = true
			return
		}
		if c.unit.label == "context" {
			// "128K-context inference": the unit word is the cue.
			c.metric, c.unitLabel = "sequence_length", "tokens"
			c.conf += 0.2
			break
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 6, []string{"trained", "pretrain", "pre-train", "corpus", "dataset", "data"}) < 1e9 {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 10, []string{"sequence", "context", "length", "long", "window", "handle", "support", "extend", "input"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "sequence_length", "tokens"
		c.conf += 0.25
	case ukTokPerS:
		c.metric, c.unitLabel = "token_throughput", "tokens/s"
		c.conf += 0.35
	case ukParams:
		// "in ~500-billion parameter models" names a setting; a claim needs a
		// verb of training or serving ("fine-tune trillion parameter models").
		p := c.ti - 1
		for p >= 0 && (s.toks[p].lw == "a" || s.toks[p].lw == "an" || s.toks[p].lw == "the" || s.toks[p].lw == "~" || s.toks[p].lw == "over" || s.toks[p].lw == "to" && p > 0 && (s.toks[p-1].lw == "up" || strings.HasPrefix(s.toks[p-1].lw, "scal"))) {
			p--
		}
		if p >= 0 {
			switch s.toks[p].lw {
			case "in", "for", "like", "as", "e.g", "e.g.", "including":
				c.drop = true
				return
			}
			if strings.HasSuffix(s.toks[p].lw, "ing") && p > 0 && (s.toks[p-1].lw == "of" || s.toks[p-1].lw == "for" || s.toks[p-1].lw == "when" || s.toks[p-1].lw == "while") {
				// "the memory requirements of finetuning a 65B model": the setting.
				c.drop = true
				return
			}
		}
		if c.bareSize && p >= 1 && (s.toks[p].lw == "and" || s.toks[p].lw == ",") && c.prev != nil && !c.prev.drop && c.prev.metric == "model_size" {
			// "a 6.7B model and a 13B model": the list shares its verb.
			c.metric, c.unitLabel = "model_size", "params"
			c.conf += 0.15
			return
		}
		if c.bareSize && !(p >= 0 && hasPrefixAny(s.toks[p].lw, []string{"train", "fine-tun", "finetun", "serv", "fit", "scal", "run", "deploy", "host", "pretrain", "pre-train", "enabl", "support"})) {
			// Without the word "parameters" the model must be the object of a
			// training or serving verb: "trains a 175B model".
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, c.tj, 12, []string{"train", "fine-tun", "finetun", "serv", "fit", "scal", "run", "infer", "support", "enabl", "deploy", "host", "handle", "up"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "model_size", "params"
		c.conf += 0.2
	case ukTime:
		// "trained for 2 days" states the setup; "trains in 2 hours" the result.
		if p := c.ti - 1; p >= 0 && s.toks[p].lw == "for" {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, r, 6, []string{"dataset", "corpus", "totaling", "totalling", "recordings", "footage"}) < 1e9 {
			// "a dataset of 100K videos totaling 500 hours": the data, not a result.
			c.drop = true
			return
		}
		if c.tj < len(s.toks) {
			switch s.toks[c.tj].lw {
			case "video", "videos", "clip", "clips", "sequence", "sequences", "audio", "window", "windows", "interval", "intervals", "of":
				if s.toks[c.tj].lw == "of" && c.tj+1 < len(s.toks) && (s.toks[c.tj+1].lw == "runtime" || s.toks[c.tj+1].lw == "wall-clock" || s.toks[c.tj+1].lw == "training" || s.toks[c.tj+1].lw == "compute") {
					break // "one week of runtime": the job's length
				}
				c.drop = true
				return
			}
		}
		jobCues := []string{"train", "reconstruct", "optimiz", "fitting", "compil", "fine-tun", "pretrain", "pre-train", "construct", "runtime", "build"}
		if s.cueScan(c.ti, c.tj, l, r, 10, []string{"latency", "time-to-first", "ttft"}) == 1e9 && (c.v >= 1 || !s.perItem(l, r)) && s.cueScan(c.ti, c.tj, l, r, 12, jobCues) < 1e9 {
			// "per-frame reconstruction within 12 seconds" is an offline job per item.
			c.metric = "duration"
		} else if s.cueScan(c.ti, c.tj, l, r, 10, []string{"latency", "time-to-first", "ttft"}) < 1e9 || c.v < 1 || s.perItem(l, r) {
			// Sub-second times and times per query, request or token time
			// one piece of work.
			c.metric = "latency"
		} else if s.cueScan(c.ti, c.tj, l, r, 10, []string{"train", "finish", "complet", "converge", "total", "end-to-end", "wall-clock", "time-to-solution", "job", "pretrain", "pre-train", "fine-tun", "prun", "compil", "simulat", "optimiz", "fitting"}) < 1e9 {
			c.metric = "duration"
		} else if s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"latency", "per", "within", "respon", "time-to-first", "ttft", "real-time", "each", "generat", "infer", "render", "decod", "produc", "synthes", "answer"}) < 1e9 || c.v <= 60 {
			// Producing one item is latency; the schema's example is "within one second".
			c.metric = "latency"
		} else {
			c.metric = "duration"
		}
		c.unitLabel = "s"
		c.conf += 0.1
	case ukGB:
		// "A100 (80GB) GPUs", "a 48GB GPU": the size of a device, not a result.
		for _, m := range s.hw {
			if m.tj <= c.ti && c.ti-m.tj <= 2 || c.tj <= m.ti && m.ti-c.tj <= 1 {
				c.drop = true
				return
			}
		}
		if s.deviceSpec(c) {
			// "a laptop with 16 GB RAM": what the machine has.
			c.drop = true
			return
		}
		if c.tj < len(s.toks) && (deviceNouns[s.toks[c.tj].lw] || s.toks[c.tj].lw == "hbm" || s.toks[c.tj].lw == "vram") {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, r, 6, []string{"data", "dataset", "corpus", "bandwidth"}) < 1e9 {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"memory", "footprint", "vram", "ram", "storage", "requir", "consum", "only", "fit", "cache", "size", "compress", "checkpoint", "disk", "model"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "memory", "GB"
		if (c.unit.scale == 1e-3 || c.unit.scale == 1e-6) && s.cueScan(c.ti, c.tj, sl, sr, 10, []string{"memory", "footprint", "ram", "vram", "dram", "cache", "hbm"}) == 1e9 {
			// "a model size of ~4.0 MB", "frames of 170 KB": a size on disk or
			// on the wire, kept in the unit written.
			label := "MB"
			if c.unit.scale == 1e-6 {
				label = "KB"
			}
			c.metric, c.unitLabel = "other", label
			c.v /= c.unit.scale
			c.hi /= c.unit.scale
			c.conf += 0.1
			return
		}
		if s.cueScan(s.qualStart(c.ti), c.tj, l, r, 3, []string{"sav", "less", "fewer", "reduc", "cut", "lower"}) < 1e9 {
			// "saves 2.1 TB": an amount saved is not memory used.
			c.metric = "other"
		}
		c.conf += 0.15
	case ukDB:
		if s.cueScan(c.ti, c.tj, c.tj, r, 3, []string{"drop", "loss", "degrad", "lower", "decreas"}) < 1e9 || c.ti > 0 && s.toks[c.ti-1].lw == "within" {
			// "a 0.2 dB PSNR drop", "within 0.3 dB of X": a quality cost or tolerance.
			c.drop = true
			return
		}
		// "improves PSNR by 1.2 dB", "by an average of 11 dB": a change of the score.
		if s.cueScan(c.ti, c.tj, l, r, 5, []string{"improv", "gain", "higher", "better", "boost", "increase", "outperform"}) < 1e9 || strings.HasPrefix(s.toks[c.ti].w, "+") ||
			s.cueScan(c.ti, c.tj, l, c.ti, 4, []string{"by"}) < 1e9 {
			c.metric, c.unitLabel = "other", "dB"
		} else {
			c.metric, c.unitLabel = "accuracy", "dB"
		}
		c.conf += 0.15
	case ukBandwidth, ukThroughput, ukPower, ukEnergy:
		s.classifyRate(c, l, r)
	case ukOther:
		c.metric, c.unitLabel = "other", c.unit.label
		if c.unit.count && s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"dataset", "corpus", "trained", "pretrain", "pre-train", "collected", "contains", "containing"}) < 1e9 {
			// "a dataset of 2 billion pairs": the data, not a result.
			c.drop = true
			return
		}
	case ukNone:
		s.classifyBare(c, l)
	default:
		c.drop = true
	}
}
