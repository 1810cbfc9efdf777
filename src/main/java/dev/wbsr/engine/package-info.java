/**
 * Inference: {@link dev.wbsr.engine.SrEngine} runs one subnet of a bundle on a batch of LR tiles
 * (NCHW float32 in [0, 1]). {@link dev.wbsr.engine.OnnxEngine} is the DJL + ONNX Runtime
 * implementation: one model per subnet, loaded on first use, a small pool of predictors per model,
 * CUDA when asked for and working, otherwise CPU with one log line. {@link
 * dev.wbsr.engine.Offline#ensure()} keeps DJL off the network and must run before any DJL class
 * loads.
 */
package dev.wbsr.engine;
