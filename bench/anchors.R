# R boot anchor of bench/compare.sh: Rscript anchors.R DATA.csv B SEED
# Times boot() and boot.ci(type = "perc") for mean, std (ddof = 0) and skew (g1), in-process.
suppressPackageStartupMessages(library(boot))
args <- commandArgs(trailingOnly = TRUE)
x <- read.csv(args[1])$x
B <- as.integer(args[2])
set.seed(as.integer(args[3]))
stats <- function(d, i) {
  s <- d[i]
  m <- mean(s)
  c2 <- mean((s - m)^2)
  c(m, sqrt(c2), mean((s - m)^3) / c2^1.5)
}
t <- proc.time()[["elapsed"]]
b <- boot(x, stats, R = B)
for (k in 1:3) boot.ci(b, type = "perc", index = k)
secs <- proc.time()[["elapsed"]] - t
cat(sprintf("%.6f %.6g\n", secs, mean(b$t[, 2])))
