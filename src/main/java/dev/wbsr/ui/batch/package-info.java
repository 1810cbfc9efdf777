/**
 * Batch export: the dialog builds the core's {@link dev.wbsr.job.UpscaleRequest} and {@link
 * dev.wbsr.ui.batch.BatchTask} wraps its {@link dev.wbsr.job.UpscaleRunner} in a JavaFX task.
 */
package dev.wbsr.ui.batch;
