"""WBSR training pipeline: weight-balanced super-resolution (Yu et al., NeurIPS 2024).

One module per concept: ``bicubic`` (MATLAB imresize), ``complexity`` (patch scores, classes),
``metrics`` (PSNR-Y / SSIM-Y), ``data``, ``sampling`` (HES), ``losses`` (BDLoss), ``nets``
(slimmable supernet), ``flops``, ``train``, ``export``, ``evaluate``, ``vectors``.
"""
