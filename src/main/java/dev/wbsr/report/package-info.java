/**
 * The evaluation report behind {@code wbsr report} (issue 5): every shipped bundle and routing mode
 * on Val-Photo and Val-Classic at x2 and x4, written as {@code docs/RESULTS.md} with Java2D plots.
 * {@link dev.wbsr.report.Evaluation} is the scoring shared with {@code wbsr eval}; {@link
 * dev.wbsr.report.ReportRunner} measures, {@link dev.wbsr.report.ResultsMarkdown} and {@link
 * dev.wbsr.report.ReportPlots} write. Headless: no JavaFX.
 */
package dev.wbsr.report;
