"""The evaluation suite: gold sets, metrics, baselines, ablations, reports and comparisons."""
