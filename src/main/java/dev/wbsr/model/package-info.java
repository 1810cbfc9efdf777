/**
 * Model bundles: the folder format written by {@code training/} and read here (see {@code
 * models/README.md}). {@link dev.wbsr.model.ModelBundle#load} parses and validates one bundle into
 * immutable records ({@link dev.wbsr.model.Manifest}, {@link dev.wbsr.model.SubnetSpec}, ...) and
 * fails with a {@link dev.wbsr.model.BundleException} whose message says what is wrong and where.
 * {@link dev.wbsr.model.BundleLocator} finds bundles under {@code models/} (next to the working
 * directory or the jar) or in a chosen folder. Nothing here loads ONNX or touches pixels.
 */
package dev.wbsr.model;
