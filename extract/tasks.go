package extract

import (
	"slices"
	"strings"
	"unicode"
)

// Task is one entry of the task vocabulary: what a paper makes faster,
// smaller or larger. Leaderboards compare claims within a task.
type Task struct {
	Slug string // "llm-inference"
	Name string // "LLM inference and serving"
	Area string // "ML systems", "HPC", "Graphics", ...
}

// taskDef is a vocabulary entry with the phrases that signal it.
type taskDef struct {
	Task
	// cues are lower-case phrases matched on word boundaries, with hyphens
	// read as spaces ("text-to-3d" matches "text to 3D"). A trailing '*'
	// matches any word ending ("splat*" matches "splatting").
	cues []string
	// fallback tasks name a generic workload ("DNN training"); they are
	// assigned only when no specific task matched, so a paper on GNN
	// training is not also filed under DNN training.
	// fallbackFor names the areas whose specific tasks suppress it.
	fallback    bool
	fallbackFor []string
	// unless lists tasks that take this one's place when assigned with at
	// least its score: a 3D Gaussian splatting paper mentions NeRF as what
	// it improves on.
	unless []string
}

// Scores: a cue in the title counts titleWeight, each cue occurrence in the
// abstract counts one, and a task needs minTaskScore. So a title that names
// the task suffices, and an abstract must come back to it more than once
// before a passing mention ("unlike NeRF, ...") files the paper under it.
const (
	titleWeight  = 3
	minTaskScore = 2
)

// hpcApplications are the simulation codes of the vocabulary: a paper on
// one of them mentions its solver or its MPI layout in passing.
var hpcApplications = []string{"molecular-dynamics", "quantum-circuit-simulation", "cfd", "climate-weather",
	"plasma-fusion", "astrophysics", "lattice-qcd"}

// taskTable is the task vocabulary, in the order pages list it. It is the
// one definition: the tasks table is seeded from it and tested against it.
var taskTable = []taskDef{
	// ML systems.
	{Task: Task{"llm-inference", "LLM inference and serving", "ML systems"}, cues: []string{
		"llm inference", "llm serving", "llms serving", "serving llm*", "serving large language model*",
		"large language model inference*", "inference & large language model*", "inference & llm*", "inference & mixture of experts", "compression of llms", "llm compression", "llm quantization", "large language model serving", "inference of large language model*",
		"inference of llm*", "llm deployment", "deployment of large language model*", "deploying large language model*",
		"deployment of llm*", "deploying llm*", "speculative decoding", "speculative sampling", "kv cache", "kvcache",
		"low bit llm*", "on device llm*", "decode stage", "prefill", "language model inference", "language models inference",
		"llm inferences", "moe inference", "inference of mixture of experts", "accelerating large language model*",
		"on device language model*", "llm accelerator", "inference for large language model*",
		"large language model acceleration", "moe based llm serving", "llm based", "llm services",
	}, unless: []string{"rag"}},
	{Task: Task{"llm-training", "LLM and large-model training", "ML systems"}, cues: []string{
		"llm training", "llms training", "language model training", "training large language model*", "training of large language model*",
		"training llm*", "large language model training", "pretraining & language model*", "pre training & language model*",
		"post training", "long sequence training", "long context training", "sequence parallelism",
		"context parallelism", "context parallel", "3d parallelism", "training & large language model*", "training & llm*",
		"zero 3", "training large models", "training emerging large models", "large scale model training",
		"parallel training", "moe training", "training of mixture of experts", "mixture of experts models",
		"trillion plus parameters", "train large models", "training system for sparse mixture of experts",
		"large models on distributed devices", "extreme scale deep learning", "trains 100b",
		"llm pre training", "cross region training", "training across multiple data centers",
	}},
	{Task: Task{"dnn-training", "DNN training (general)", "ML systems"}, fallback: true, fallbackFor: []string{"ML systems"}, cues: []string{
		"dnn training", "distributed training", "distributed deep learning", "training deep neural network*",
		"distributed machine learning", "distributed ai training", "training jobs", "training competitive deep video models",
		"training machine learning models", "training video models",
	}},
	{Task: Task{"dnn-inference", "DNN inference on edge and accelerators (general)", "ML systems"}, fallback: true,
		fallbackFor: []string{"ML systems", "Vision", "Audio", "Robotics", "Graphics"}, cues: []string{
			"dnn inference", "cnn inference", "cnns inference", "neural network inference", "ml inference",
			"deep learning on smartphones", "mobile ai accelerators", "spiking neural network*", "edge ai",
			"efficient transformers in edge", "mobile augmented reality", "quantized deep neural network",
			"convolutional neural networks", "dnn models", "inference on edge",
		}},
	{Task: Task{"attention-kernels", "Attention kernels", "ML systems"}, cues: []string{
		"attention kernel*", "flashattention", "flash attention", "attention operator*", "attention benchmark",
	}},
	{Task: Task{"tensor-compilers", "Tensor compilers and GPU kernel generation", "ML systems"}, cues: []string{
		"tensor program*", "gpu kernels", "triton kernel*", "cuda graphs", "kernel optimization", "ai compiler",
		"mlir", "warp specialization", "warp specialized", "dl compiler*", "deep learning compiler*",
		"kernel generation", "triton",
	}},
	{Task: Task{"dense-gemm", "Dense matrix multiplication (GEMM)", "ML systems"}, cues: []string{
		"gemm", "mpgemm", "matrix multiplication*", "matrix multiply", "matmul",
	}},
	{Task: Task{"sparse-linear-algebra", "Sparse linear algebra and solvers", "HPC"}, cues: []string{
		"spmv", "spmm", "sparse matrix", "sparse matrices", "block sparse", "block sparsity", "matrix free",
		"saddle point", "iterative solver*", "linear solver*", "conjugate gradient", "krylov", "preconditioner*",
	}, unless: append([]string{"gnn"}, hpcApplications...)},
	{Task: Task{"collective-communication", "Collective communication", "Networking"}, cues: []string{
		"collective communication", "collective operations", "collectives", "all reduce", "allreduce",
		"all to all", "allgather", "all gather", "reduce scatter", "nccl", "broadcast and allgather",
	}},
	{Task: Task{"recommendation", "Recommendation models", "ML systems"}, cues: []string{
		"recommendation model*", "recommender system*", "recommendation system*", "dlrm*", "embedding tables",
		"generative recommendation", "recommendation training", "click through rate",
	}},
	{Task: Task{"gnn", "Graph neural networks", "ML systems"}, cues: []string{
		"graph neural network*", "gnn", "gnns", "gcn", "gcns", "message passing neural",
	}, unless: []string{"vector-search"}},
	{Task: Task{"diffusion-sampling", "Diffusion sampling and acceleration", "ML systems"}, cues: []string{
		"diffusion model inference", "diffusion inference", "sampling of diffusion", "diffusion probabilistic model*",
		"diffusion sampling", "denoising process", "denoising steps", "sampling steps", "consistency model*",
		"consistency distillation", "diffusion distillation", "few step", "feature caching", "diffusion transformers",
		"text to image generation", "stable diffusion", "accelerating diffusion", "accelerate video diffusion",
		"video diffusion inference", "sampling process", "iterative sampling", "sampling procedure",
		"iterative denoising", "image generation", "fast sampling", "diffusion model quantization",
	}, unless: []string{"3d-generation"}},
	{Task: Task{"video-generation", "Video generation", "ML systems"}, cues: []string{
		"video generation", "text to video", "image to video", "video diffusion", "video synthesis",
		"video diffusion transformer*", "video dit", "generate videos",
	}, unless: []string{"3d-generation", "diffusion-sampling"}},
	{Task: Task{"federated-learning", "Federated learning", "ML systems"}, cues: []string{
		"federated learning", "federated training", "fl clients", "client selection",
	}},
	{Task: Task{"serverless", "Serverless computing", "ML systems"}, cues: []string{
		"serverless",
	}},
	{Task: Task{"ml-data-loading", "Training data loading, storage and checkpoint I/O", "ML systems"}, cues: []string{
		"data loading", "data loader*", "data preprocessing", "checkpoint restore", "checkpointing",
		"i o in machine learning", "cloud storage", "deep learning data", "input pipeline*", "training data pipeline*",
	}, unless: []string{"gnn"}},
	{Task: Task{"vector-search", "Vector search (ANN)", "Data systems"}, cues: []string{
		"approximate nearest neighbor*", "nearest neighbor search", "vector search", "vector similarity search",
		"anns", "hnsw", "vector database*", "vector query", "graph index",
	}},
	{Task: Task{"rag", "Retrieval-augmented generation", "ML systems"}, cues: []string{
		"retrieval augmented generation", "rag",
	}, unless: []string{"vector-search"}},

	// HPC.
	{Task: Task{"mpi", "MPI", "HPC"}, cues: []string{
		"mpi library", "mpi applications", "mpi derived datatypes", "mpi standard", "message passing interface",
		"cuda aware mpi", "mpi communication", "mpi collectives", "mpi ranks", "mpi processes", "mpi+x",
	}, unless: hpcApplications},
	{Task: Task{"molecular-dynamics", "Molecular dynamics", "HPC"}, cues: []string{
		"molecular dynamics", "md simulations", "ab initio", "gromacs", "lammps", "force field*",
	}},
	{Task: Task{"quantum-circuit-simulation", "Quantum-circuit simulation", "HPC"}, cues: []string{
		"quantum circuit simulation", "quantum circuit simulator*", "state vector", "simulation of quantum",
		"quantum simulation", "simulating quantum circuits",
	}},
	{Task: Task{"cfd", "Computational fluid dynamics", "HPC"}, cues: []string{
		"computational fluid dynamics", "cfd", "lattice boltzmann", "navier stokes", "fluid flow*", "nekrs",
		"nek5000", "thermal fluids", "large eddy simulation", "turbulent flow*",
	}},
	{Task: Task{"climate-weather", "Climate and weather models", "HPC"}, cues: []string{
		"climate model*", "climate simulation*", "weather prediction", "weather model*", "ocean model*",
		"general circulation model*", "dynamical core", "numerical weather",
	}},
	{Task: Task{"plasma-fusion", "Plasma and fusion simulation", "HPC"}, cues: []string{
		"gyrokinetic", "plasma", "magnetic fusion", "tokamak", "particle in cell",
	}},
	{Task: Task{"astrophysics", "Astrophysics and cosmology simulation", "HPC"}, cues: []string{
		"cosmolog*", "astrophysic*", "n body", "galaxy formation", "sky surveys",
	}},
	{Task: Task{"lattice-qcd", "Lattice QCD", "HPC"}, cues: []string{
		"lattice qcd", "quark solver", "quantum chromodynamics",
	}},
	{Task: Task{"linpack", "HPL / LINPACK", "HPC"}, cues: []string{
		"hpl", "linpack", "hpl mxp", "hpl ai",
	}},
	{Task: Task{"fft", "Fast Fourier transforms", "HPC"}, cues: []string{
		"fft", "ffts", "fast fourier transform*",
	}},
	{Task: Task{"scientific-compression", "Scientific data compression", "HPC"}, cues: []string{
		"error bounded lossy compression", "lossy compression", "lossy compressor*", "scientific data compression",
	}},
	{Task: Task{"performance-portability", "Performance portability", "HPC"}, cues: []string{
		"performance portability", "performance portable", "portability of code", "sycl", "kokkos",
		"multiple hardware architectures from the same code base",
	}},

	// Graphics.
	{Task: Task{"nerf", "Neural radiance fields", "Graphics"}, cues: []string{
		"neural radiance field*", "nerf", "nerfs", "neural graphics", "graphics primitives", "neural rendering",
		"volume rendering using neural fields",
	}, unless: []string{"gaussian-splatting", "3d-generation"}},
	{Task: Task{"gaussian-splatting", "Gaussian splatting", "Graphics"}, cues: []string{
		"gaussian splatting", "3d gaussian*", "3dgs", "3d gs", "4d gaussian*", "dynamic 3d gaussians",
		"gaussian grids", "generative 4d gaussians", "gaussian primitives", "gaussian mesh", "gaussian fields",
		"gaussian splat*", "temporal gaussian hierarchy",
	}, unless: []string{"video-generation"}},
	{Task: Task{"dynamic-scenes", "Dynamic and 4D scene reconstruction", "Graphics"}, cues: []string{
		"dynamic scene*", "dynamic view synthesis", "free viewpoint video*", "volumetric video*", "4d scenes",
		"4d world", "dynamic human rendering", "performance capture", "4d representation*", "time varying scenes",
		"dynamic 3d scenes", "free viewpoint renderings",
	}, unless: []string{"3d-generation", "video-generation", "ray-tracing"}},
	{Task: Task{"3d-generation", "3D and 4D content generation", "Graphics"}, cues: []string{
		"3d generation", "4d generation", "text to 3d", "text to 4d", "image to 3d", "video to 4d",
		"4d content", "3d content creation", "4d content creation", "3d generative model*", "score distillation",
		"4d object*", "4d scene generation", "scene generation", "animating any 3d", "generating 4d",
		"3d assets", "dynamic 3d assets", "4d synthesis", "4d generative", "4dgen", "scene texturing",
		"articulated models",
	}},
	{Task: Task{"ray-tracing", "Ray tracing and real-time rendering", "Graphics"}, cues: []string{
		"ray tracing", "ray tracer", "path tracing", "path traced", "global illumination", "real time rendering",
		"samples per pixel", "neural appearance model*",
	}, unless: []string{"nerf", "gaussian-splatting"}},

	// Vision, robotics and audio.
	{Task: Task{"object-detection", "Object detection", "Vision"}, cues: []string{
		"object detection", "yolo", "object detector*", "3d object detection",
	}},
	{Task: Task{"autonomous-driving", "Autonomous-driving perception", "Vision"}, cues: []string{
		"autonomous driving", "occupancy prediction", "scene flow", "lidar", "bev", "autonomous racing",
		"self driving", "multi camera 3d object detection",
	}},
	{Task: Task{"video-analytics", "Video analytics", "Vision"}, cues: []string{
		"video analytics", "video streaming analytics", "video understanding", "video analysis",
	}, unless: []string{"dnn-training"}},
	{Task: Task{"speech", "Speech recognition and enhancement", "Audio"}, cues: []string{
		"speech recognition", "asr", "speech enhancement", "speech separation", "keyword spotting",
		"text to speech", "speech processing", "spoken language",
	}},
	{Task: Task{"slam", "SLAM and mapping", "Robotics"}, cues: []string{
		"slam", "visual odometry", "signed distance field mapping", "volumetric maps", "local mapping",
		"orb feature*",
	}},
	{Task: Task{"motion-planning", "Motion planning", "Robotics"}, cues: []string{
		"motion planning", "motion planner*", "collision checking", "collision detection", "collision free motion*",
		"collision queries", "trajectory optimization", "motion generation",
	}},

	// Data systems.
	{Task: Task{"query-processing", "Query processing and analytics", "Data systems"}, cues: []string{
		"query processing", "analytical processing", "data analytics", "olap", "database*", "sql", "join", "joins",
		"query engine*",
	}, unless: []string{"vector-search", "video-analytics", "data-parsing"}},
	{Task: Task{"data-parsing", "Data parsing (JSON, CSV)", "Data systems"}, cues: []string{
		"json", "parsing", "csv", "delimiter separated",
	}},
	{Task: Task{"graph-processing", "Graph processing", "Data systems"}, cues: []string{
		"graph processing", "graph analytics", "breadth first search", "pagerank", "graph traversal",
		"triangle counting", "connected components",
	}},

	// Networking.
	{Task: Task{"datacenter-networking", "Datacenter networking and transport", "Networking"}, cues: []string{
		"congestion control", "transport protocol*", "datacenter network*", "data center network*",
		"low latency datacenter", "packet spraying", "load balancing", "multipath transport", "rdma transport",
	}},
	{Task: Task{"in-network-computing", "In-network computing and SmartNICs", "Networking"}, cues: []string{
		"programmable switch*", "in network aggregation", "in network computation", "in network computing",
		"smartnic*", "smart nic*", "p4",
	}},
}

// Tasks lists the task vocabulary in display order.
func Tasks() []Task {
	out := make([]Task, len(taskTable))
	for i, d := range taskTable {
		out[i] = d.Task
	}
	return out
}

// LookupTask returns the vocabulary entry of a slug.
func LookupTask(slug string) (Task, bool) {
	for _, d := range taskTable {
		if d.Slug == slug {
			return d.Task, true
		}
	}
	return Task{}, false
}

// AssignTasks returns the slugs of the tasks a paper is about, judged from
// its title and abstract, in vocabulary order. A paper on none of them gets
// none: it is never forced into the nearest task.
func AssignTasks(title, abstract string) []string {
	t, a := taskText(title), taskText(abstract)
	starts := wordStarts(a)
	score := make(map[string]int, 4)
	for _, d := range taskTable {
		s := 0
		for _, c := range d.cues {
			s += titleWeight * countCue(t, c)
			if !strings.Contains(c, " & ") && mayOccur(starts, c) {
				// Two words anywhere in an abstract say little.
				s += countCueAt(a, c, starts)
			}
		}
		if s >= minTaskScore {
			score[d.Slug] = s
		}
	}
	var out []string
	for _, d := range taskTable {
		if score[d.Slug] == 0 || d.fallback && specificIn(d.fallbackFor, score) || displaced(d, score) {
			continue
		}
		out = append(out, d.Slug)
	}
	return out
}

// specificIn reports whether a task of one of areas that is not itself a
// fallback was assigned.
func specificIn(areas []string, score map[string]int) bool {
	for _, d := range taskTable {
		if score[d.Slug] > 0 && !d.fallback && slices.Contains(areas, d.Area) {
			return true
		}
	}
	return false
}

// displaced reports whether a task that d gives way to was assigned with at
// least d's score.
func displaced(d taskDef, score map[string]int) bool {
	for _, u := range d.unless {
		if score[u] > 0 && score[u] >= score[d.Slug] {
			return true
		}
	}
	return false
}

// taskText lower-cases s and turns everything but letters, digits and '+'
// into single spaces, padded with a space either side, so a cue matches on
// word boundaries with a plain substring search.
func taskText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// needles holds each cue as the substrings countCue searches for, so
// assigning tasks does not re-normalise the vocabulary for every paper.
var needles = map[string][]string{}

func init() {
	for _, d := range taskTable {
		for _, c := range d.cues {
			for _, part := range strings.Split(c, " & ") {
				n := " " + strings.TrimSpace(taskText(strings.TrimSuffix(part, "*"))) + " "
				if strings.HasSuffix(part, "*") {
					n = n[:len(n)-1]
				}
				needles[c] = append(needles[c], n)
			}
		}
	}
}

// countCue counts the occurrences of cue in a taskText string. A cue
// "a & b" needs every part in the text and counts as its rarest part; such
// cues count only in a title.
func countCue(text, cue string) int {
	n := -1
	for _, needle := range needles[cue] {
		if k := countNeedle(text, needle); n < 0 || k < n {
			n = k
		}
	}
	return max(n, 0)
}

func countNeedle(text, needle string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(text[i:], needle)
		if j < 0 {
			return n
		}
		n++
		i += j + len(needle) - 1
	}
}

// wordStarts maps the first three letters of every word of a taskText
// string to the offsets of the spaces before the words that start so, in
// order: a cue whose first word starts otherwise is not searched for, and
// one that may occur is looked for only there.
func wordStarts(text string) map[string][]int32 {
	m := make(map[string][]int32, len(text)/6)
	for i := 0; i+1 < len(text); i++ {
		if text[i] == ' ' && text[i+1] != ' ' {
			j := i + 1
			for j < len(text) && j < i+4 && text[j] != ' ' {
				j++
			}
			m[text[i+1:j]] = append(m[text[i+1:j]], int32(i))
		}
	}
	return m
}

// countCueAt is countCue on the text that starts was made from. A needle
// whose first word has three letters or more can only start at a space
// before a word of those letters, so only those spaces are tried; the
// occurrences counted are countNeedle's, leftmost first, each starting at
// or after the last one's final space.
func countCueAt(text, cue string, starts map[string][]int32) int {
	n := -1
	for _, needle := range needles[cue] {
		w := needle[1:]
		if k := strings.IndexByte(w, ' '); k >= 0 {
			w = w[:k]
		}
		k := 0
		if len(w) < 3 {
			k = countNeedle(text, needle)
		} else {
			next := 0
			for _, p := range starts[w[:3]] {
				if int(p) >= next && strings.HasPrefix(text[p:], needle) {
					k++
					next = int(p) + len(needle) - 1
				}
			}
		}
		if n < 0 || k < n {
			n = k
		}
	}
	return max(n, 0)
}

// mayOccur reports whether every needle of cue could start at a word of
// the text: its first word's first three letters are among starts. A first
// word shorter than that is always searched for.
func mayOccur(starts map[string][]int32, cue string) bool {
	for _, n := range needles[cue] {
		w := n[1:]
		if k := strings.IndexByte(w, ' '); k >= 0 {
			w = w[:k]
		}
		if len(w) < 3 {
			continue
		}
		if _, ok := starts[w[:3]]; !ok {
			return false
		}
	}
	return true
}
