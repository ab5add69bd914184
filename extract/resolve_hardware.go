package extract

// hardwareFor attaches the device the figure was measured on: the first
// device named after it in the sentence, else the nearest before; devices
// inside the baseline phrase belong to the baseline.
func (s *sentence) hardwareFor(c *cand, cands []*cand, bi, bj int) {
	var named, counted *hwMention
	// A ";" separates independent statements; within one, the figure's own
	// clause is searched first ("On an A100, X is 2x faster; on an H100, 3x").
	segL, segR := c.ti, c.tj
	for segL > 0 && s.toks[segL-1].lw != ";" {
		segL--
	}
	for segR < len(s.toks) && s.toks[segR].lw != ";" {
		segR++
	}
	cl, cr := s.clause(c.ti, c.tj)
	pickIn := func(lo, hi int, want func(m *hwMention) bool) *hwMention {
		var after, before *hwMention
		for i := range s.hw {
			m := &s.hw[i]
			if !want(m) || bj > bi && m.ti >= bi && m.ti < bj || m.ti < lo || m.tj > hi {
				continue
			}
			if m.ti >= c.tj {
				if after == nil {
					after = m
				}
			} else if m.tj <= c.ti {
				before = m
			}
		}
		if after != nil {
			return after
		}
		return before
	}
	pick := func(want func(m *hwMention) bool) *hwMention {
		if m := pickIn(cl, cr, want); m != nil {
			return m
		}
		return pickIn(segL, segR, want)
	}
	// The baseline's phrase runs from "than" to the end of its clause or the
	// next conjunct ("than PETSc and uses 2x less memory on 64 nodes").
	than, thanEnd := len(s.toks), len(s.toks)
	for k := c.tj; k < len(s.toks); k++ {
		if s.toks[k].lw == "than" {
			than = k
			for thanEnd = k + 1; thanEnd < len(s.toks); thanEnd++ {
				w := s.toks[thanEnd].lw
				if isClausePunct(w) || w == "and" || w == "while" || w == "whereas" || w == "but" || w == "which" {
					break
				}
			}
			break
		}
	}
	pick0 := pick
	pick = func(want func(m *hwMention) bool) *hwMention {
		return pick0(func(m *hwMention) bool { return (m.ti < than || m.ti >= thanEnd) && want(m) })
	}
	named = pick0(func(m *hwMention) bool { return m.entry != nil })
	// Only a bare device count after "than" is the baseline's ("than ... on a
	// single device"); a named device there ("than X on A100 GPUs") is shared.
	// A bare count does not cross "while"/"whereas" to a clause with a
	// result of its own: "X ran at 1 EF/s on 9,000 nodes, while Y reached
	// 11 EF/s" says nothing of Y's scale. A contrasted prior figure ("A
	// reaches 52% on 3072 GPUs, while ours reaches 60%") shares its setup.
	kept := func(lo, hi int) bool {
		for _, o := range cands {
			if o != c && !o.drop && o.ti >= lo && o.tj <= hi {
				return true
			}
		}
		return false
	}
	wl, wr := segL, segR
	for k := c.ti - 1; k >= segL; k-- {
		if w := s.toks[k].lw; (w == "while" || w == "whereas") && kept(segL, k) {
			wl = k
			break
		}
	}
	for k := c.tj; k < segR; k++ {
		if w := s.toks[k].lw; (w == "while" || w == "whereas") && kept(k, segR) {
			wr = k
			break
		}
	}
	counted = pick(func(m *hwMention) bool { return m.entry == nil && m.count > 0 && m.ti >= wl && m.tj <= wr })
	if c.metric == "scaling_efficiency" && counted != nil {
		// "from a single GPU to 4,096 GPUs": efficiency is stated at the
		// largest scale of the run.
		for i := range s.hw {
			m := &s.hw[i]
			if m.entry == nil && m.count > counted.count && m.ti >= segL && m.tj <= segR {
				counted = m
			}
		}
	}
	if m := s.respectiveDevice(c, cands); m != nil {
		named = m
	} else if m := s.slashDevice(c, cands, segL); m != nil {
		named = m
	} else if named != nil && named.ti < c.ti && s.ownDeviceSlot(c) {
		// "210 FPS on an RTX 4090 and 35 FPS on a Snapdragon phone": the
		// second figure names its own (unknown) device; the first's is not it.
		named = nil
	} else if named != nil && named.ti < c.ti && s.countSlot(c) && s.claimedBefore(named, c, cands) {
		// "1M tokens on a single A100 and 10M on an 8-GPU system": the
		// device belongs to the first figure; the second names its own count.
		named = nil
	}
	if named != nil {
		c.hw = named.entry
		c.hwCount = named.count
		c.conf += 0.05
	}
	if c.hwCount == 0 && counted != nil {
		c.hwCount = counted.count
		if len(counted.list) > 0 {
			c.hwCount = 0
			if s.has("respectively") {
				idx := 0
				var live []*cand
				for _, o := range cands {
					if !o.drop && o.tj <= counted.ti {
						live = append(live, o)
					}
				}
				for i, o := range live {
					if o == c {
						idx = i
					}
				}
				if len(live) == len(counted.list) {
					c.hwCount = counted.list[idx]
				}
			}
		}
	}
}

// respectiveDevice pairs a list of figures with a list of devices under
// "respectively": "120 and 240 FPS on RTX 3090 and RTX 4090 GPUs,
// respectively".
func (s *sentence) respectiveDevice(c *cand, cands []*cand) *hwMention {
	if !s.has("respectively") {
		return nil
	}
	live, idx := liveIndex(cands, c)
	if idx < 0 {
		return nil
	}
	lo, hi := idx, idx
	for lo > 0 && s.listContinues(live[lo-1], live[lo]) {
		lo--
	}
	for hi+1 < len(live) && s.listContinues(live[hi], live[hi+1]) {
		hi++
	}
	if hi == lo {
		return nil
	}
	var devs []*hwMention
	for i := range s.hw {
		if m := &s.hw[i]; m.entry != nil && m.ti >= live[hi].tj {
			devs = append(devs, m)
		}
	}
	if len(devs) != hi-lo+1 {
		return nil
	}
	return devs[idx-lo]
}

// ownDeviceSlot reports "on a <Name>" right after the figure where the name
// is not in the gazetteer.
func (s *sentence) ownDeviceSlot(c *cand) bool {
	toks := s.toks
	k := c.tj
	if k >= len(toks) || toks[k].lw != "on" {
		return false
	}
	k++
	for k < len(toks) && (toks[k].lw == "a" || toks[k].lw == "an" || toks[k].lw == "the" || toks[k].lw == "one" || toks[k].lw == "single") {
		k++
	}
	return k < len(toks) && !toks[k].masked && toks[k].kind == tkWord && isCapitalised(toks[k].w)
}

// countSlot reports a figure followed by "on" and a bare device count of
// its own: "10M tokens on an 8-GPU system", "3x on 64 nodes".
func (s *sentence) countSlot(c *cand) bool {
	k := c.tj
	if k >= len(s.toks) || s.toks[k].lw != "on" {
		return false
	}
	for _, m := range s.hw {
		if m.entry == nil && m.count > 0 && m.ti >= k+1 && m.ti <= k+3 {
			return true
		}
	}
	return false
}

// claimedBefore reports another kept figure between which and c the device
// m sits right after: m then states where that earlier figure was measured.
func (s *sentence) claimedBefore(m *hwMention, c *cand, cands []*cand) bool {
	for _, o := range cands {
		if o != c && !o.drop && o.tj <= m.ti && m.ti-o.tj <= 5 {
			return true
		}
	}
	return false
}

// slashDevice pairs a slash group of figures with a list of devices named
// before it: "On A and B, it reaches 1,200/1,000 TFLOPS" gives A the first.
func (s *sentence) slashDevice(c *cand, cands []*cand, lo int) *hwMention {
	toks := s.toks
	slash := func(a, b *cand) bool { return b.ti == a.tj+1 && toks[a.tj].lw == "/" }
	live, idx := liveIndex(cands, c)
	if idx < 0 {
		return nil
	}
	first, last := idx, idx
	for first > 0 && slash(live[first-1], live[first]) {
		first--
	}
	for last+1 < len(live) && slash(live[last], live[last+1]) {
		last++
	}
	if first == last {
		return nil
	}
	// The devices: the last run of named devices before the group, joined by
	// "and", "," or "/".
	var devs []*hwMention
	for i := len(s.hw) - 1; i >= 0; i-- {
		m := &s.hw[i]
		if m.entry == nil || m.tj > live[first].ti || m.ti < lo {
			continue
		}
		if len(devs) > 0 {
			gap := toks[m.tj:devs[0].ti]
			if len(gap) != 1 || gap[0].lw != "and" && gap[0].lw != "," && gap[0].lw != "/" && gap[0].lw != "or" {
				break
			}
		}
		devs = append([]*hwMention{m}, devs...)
	}
	if len(devs) != last-first+1 {
		return nil
	}
	return devs[idx-first]
}

// liveIndex is the candidates not dropped, in order, and c's index among
// them (-1 if c is dropped or absent).
func liveIndex(cands []*cand, c *cand) ([]*cand, int) {
	var live []*cand
	idx := -1
	for _, o := range cands {
		if o.drop {
			continue
		}
		if o == c {
			idx = len(live)
		}
		live = append(live, o)
	}
	return live, idx
}
