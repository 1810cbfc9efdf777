/**
 * Image I/O for WBSR Studio: the shared pixel type {@link dev.wbsr.image.RgbImage}, loading ({@link
 * dev.wbsr.image.ImageLoader}) and atomic writing ({@link dev.wbsr.image.ImageSaver}).
 *
 * <ul>
 *   <li>Reads PNG, JPEG (incl. Adobe CMYK/YCCK), TIFF (first page, 8/16/32-bit), WebP, BMP, PSD;
 *       gray, gray+alpha, palette and 16-bit inputs become 8-bit sRGB plus an optional alpha {@link
 *       dev.wbsr.image.GrayPlane}; EXIF/TIFF orientation is applied (PSD: never, its pixels are
 *       upright).
 *   <li>Colour: pixels are processed in sRGB. A non-sRGB RGB ICC profile (Adobe RGB, P3, ...) is
 *       converted to sRGB on load and restored on save (pixels converted back, the original profile
 *       bytes embedded), so outputs stay in the source's colour space. CMYK and gray profiles
 *       cannot describe an RGB output: those outputs are untagged sRGB. Gray samples are taken as
 *       sRGB gray.
 *   <li>Headers are checked before decoding (pixel limit, heap); every failure is an {@link
 *       dev.wbsr.image.ImageException} with a {@link dev.wbsr.image.ImageException.Kind} and a
 *       one-line message naming the file. Interrupting the thread cancels a load or save.
 * </ul>
 */
package dev.wbsr.image;
