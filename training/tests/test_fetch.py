"""``data.fetch`` on an empty data folder: download (a fake ``apt-get`` on PATH serves a small .deb
built here with ``dpkg-deb -b``), extract into ``x/`` (which does not exist yet), read the
version; a second call downloads and extracts nothing."""

import os
import shutil
import stat
import subprocess

import pytest

from training.wbsr import data

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")


def _deb(tmp_path, name, version):
    src = tmp_path / "src"
    (src / "DEBIAN").mkdir(parents=True)
    (src / "DEBIAN" / "control").write_text(
        f"Package: {name}\nVersion: {version}\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test photos\n"
    )
    (src / "usr/share/backgrounds").mkdir(parents=True)
    (src / "usr/share/backgrounds/a.jpg").write_bytes(b"not really a jpeg")
    out = tmp_path / "served" / f"{name}_{version}_all.deb"
    out.parent.mkdir()
    subprocess.run(["dpkg-deb", "--root-owner-group", "-b", str(src), str(out)], check=True, capture_output=True)
    return out


def _fake_apt_get(tmp_path, deb, calls):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "apt-get"
    # `apt-get download NAME` writes NAME_VERSION_ARCH.deb into the current folder
    script.write_text(
        f'#!/bin/sh\necho "$@" >> "{calls}"\n[ "$1" = download ] && [ "$2" = "{deb.name.split("_")[0]}" ] && cp "{deb}" .\nexit 0\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def test_fetch_on_an_empty_folder(tmp_path, monkeypatch):
    deb = _deb(tmp_path, "wbsr-test-photos", "1.2-3")
    calls = tmp_path / "calls.txt"
    monkeypatch.setenv("PATH", f"{_fake_apt_get(tmp_path, deb, calls)}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(data, "PACKAGES", (data.Package("wbsr-test-photos", {"train": ("usr/share/backgrounds/*.jpg",)}),))
    root = tmp_path / "empty"
    root.mkdir()
    got = data.fetch(root, log=lambda m: None)
    assert got == [{"name": "wbsr-test-photos", "version": "1.2-3", "deb": "wbsr-test-photos_1.2-3_all.deb"}]
    assert (root / "x/wbsr-test-photos/usr/share/backgrounds/a.jpg").read_bytes() == b"not really a jpeg"
    assert not (root / "x/wbsr-test-photos.tmp").exists()
    assert data.source_files(root)["train"] == [root / "x/wbsr-test-photos/usr/share/backgrounds/a.jpg"]
    assert calls.read_text().split() == ["download", "wbsr-test-photos"]
    # idempotent: nothing downloaded again; a half-extracted folder from a killed run is redone
    shutil.rmtree(root / "x/wbsr-test-photos")
    (root / "x/wbsr-test-photos.tmp/junk").mkdir(parents=True)
    assert data.fetch(root, log=lambda m: None) == got
    assert calls.read_text().split() == ["download", "wbsr-test-photos"]
    assert not (root / "x/wbsr-test-photos.tmp").exists() and (root / "x/wbsr-test-photos/usr").is_dir()


def test_fetch_says_which_package_produced_no_deb(tmp_path, monkeypatch):
    deb = _deb(tmp_path, "wbsr-test-photos", "1")
    monkeypatch.setenv("PATH", f"{_fake_apt_get(tmp_path, deb, tmp_path / 'calls.txt')}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(data, "PACKAGES", (data.Package("other-package", {"train": ("*.jpg",)}),))
    with pytest.raises(RuntimeError, match="other-package"):
        data.fetch(tmp_path / "root", log=lambda m: None)
