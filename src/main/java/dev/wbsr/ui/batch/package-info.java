/** Batch export of a folder: planning (pure), the cancellable task, and its dialog. */
package dev.wbsr.ui.batch;
