"""Draws the WBSR Studio application icon at the sizes desktops use.

A rounded tile split by a diagonal: coarse heat-map blocks (the per-patch class map) on one side,
a smooth gradient (the upscaled result) on the other. Run: /usr/bin/python3 assets/icons/make_icons.py
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Perceptual ramp (viridis-like), low class -> high class.
RAMP = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]


def ramp(t: float) -> tuple[int, int, int]:
    t = min(max(t, 0.0), 1.0) * (len(RAMP) - 1)
    i = min(int(t), len(RAMP) - 2)
    f = t - i
    a, b = RAMP[i], RAMP[i + 1]
    return tuple(round(a[c] + (b[c] - a[c]) * f) for c in range(3))


def master(size: int = 1024) -> Image.Image:
    tile = Image.new("RGB", (size, size))
    px = tile.load()
    cells = 6
    cell = size / cells
    for y in range(size):
        for x in range(size):
            if x + y < size:  # upper-left: blocky class map
                cx, cy = int(x / cell), int(y / cell)
                t = ((cx * 7 + cy * 5) % 11) / 10.0 * 0.6 + (cx + cy) / (2 * cells) * 0.4
                px[x, y] = ramp(t)
            else:  # lower-right: smooth result
                px[x, y] = ramp(0.25 + 0.75 * (x + y - size) / size)
    draw = ImageDraw.Draw(tile)
    for i in range(1, cells):
        p = round(i * cell)
        draw.line([(p, 0), (p, size - p)], fill=(255, 255, 255), width=size // 128)
        draw.line([(0, p), (size - p, p)], fill=(255, 255, 255), width=size // 128)
    draw.line([(0, size), (size, 0)], fill=(255, 255, 255), width=size // 40)
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, size - 1, size - 1], radius=size // 5, fill=255)
    out = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    out.paste(tile, (0, 0), mask.filter(ImageFilter.GaussianBlur(1)))
    return out


def main() -> None:
    here = Path(__file__).resolve().parent
    big = master()
    for s in SIZES:
        big.resize((s, s), Image.LANCZOS).save(here / f"wbsr-{s}.png")


if __name__ == "__main__":
    main()
