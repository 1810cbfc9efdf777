/**
 * The {@code wbsr} command line (picocli): {@code info}, {@code upscale}, {@code eval} and {@code
 * bench}. Commands only parse options, call {@code dev.wbsr.model}, {@code dev.wbsr.engine} and
 * {@code dev.wbsr.pipeline}, and print; exit code 0 on success, 1 when any input failed, 2 on bad
 * usage.
 */
package dev.wbsr.cli;
