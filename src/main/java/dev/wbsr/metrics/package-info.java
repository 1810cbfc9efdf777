/**
 * Evaluation maths shared by the CLI, the app and the tests, identical to the Python side (locked
 * by {@code testvectors/bicubic.json} and {@code metrics.json}): MATLAB-compatible bicubic {@link
 * dev.wbsr.metrics.Bicubic} (LR generation, bicubic baseline, alpha upscaling), {@link
 * dev.wbsr.metrics.ModCrop}, and PSNR-Y / SSIM-Y in {@link dev.wbsr.metrics.ImageQuality}.
 */
package dev.wbsr.metrics;
