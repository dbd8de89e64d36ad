/**
 * Timing and reporting on top of the engine: {@link org.parboot.report.Timing} runs one bootstrap
 * under several executors and thread counts and proves their replicates bit-identical;
 * {@link org.parboot.report.Charts} draws histograms and run-time charts with XChart (headless);
 * {@link org.parboot.report.ReportWriter} writes a self-contained {@code report.html} and the PNGs;
 * {@link org.parboot.report.TimingJson} gives timings as JSON.
 */
package org.parboot.report;
