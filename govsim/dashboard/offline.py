"""Filling Solara's asset cache from the npm registry, so the page needs no internet.

Solara's page loads its browser bundles (the Vuetify app, RequireJS, Font Awesome, the grid
layout) from a CDN through its own server, which keeps each file it fetched in a cache folder
(``solara.server.settings.assets.proxy_cache_dir``) and serves it from there afterwards. On a
closed intranet there is no CDN, and the page stays blank ("solara is not defined"). The same
files are the npm packages' contents, so ``npm pack`` of each package, at the version Solara
asks for, unpacked into the cache under ``name@version/``, is all the page needs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

PACKAGES: tuple[str, ...] = (
    "@widgetti/solara-vuetify-app",
    "requirejs",
    "font-awesome",
    "@widgetti/vue-grid-layout",
)
"""The npm packages the page loads (with ipyvue and ipyvuetify below 2, i.e. Vue 2)."""
ASKED_IN: tuple[str, ...] = (
    "server/templates/solara.html.j2",
    "widgets/vue/gridlayout.vue",
)
"""Files of the Solara package that name the versions it asks the CDN for."""


class OfflinePreparationError(RuntimeError):
    """The cache could not be filled (no npm, a version not found, the registry unreachable)."""


def asked_versions() -> dict[str, str]:
    """Each package of :data:`PACKAGES` with the version the installed Solara asks for."""
    import solara
    from solara.server import settings

    root = Path(solara.__file__).parent
    text = "\n".join((root / name).read_text(encoding="utf-8") for name in ASKED_IN)
    text += "\n" + settings.assets.fontawesome_path
    return {name: _version_in(text, name) for name in PACKAGES}


def _version_in(text: str, package: str) -> str:
    """The version that follows ``package@`` in a URL of ``text`` (the first one)."""
    found = re.search(rf"(?<![\w-]){re.escape(package)}@([0-9][\w.-]*)/", text)
    if found is None:
        raise OfflinePreparationError(f"Solara no longer names a version of {package}")
    return found.group(1)


def default_cache() -> Path:
    """The folder Solara's server reads cached assets from (``SOLARA_ASSETS_PROXY_CACHE_DIR``)."""
    from solara.server import settings

    return Path(settings.assets.proxy_cache_dir)


def fill_cache(
    cache: Path,
    packages: dict[str, str],
    npm: str = "npm",
    log: Callable[[str], None] = print,
) -> list[Path]:
    """Unpack each ``name@version`` into ``cache/name@version/``; skip those already there."""
    written = []
    for name, version in packages.items():
        target = cache / f"{name}@{version}"
        if target.is_dir():
            log(f"present: {target}")
            continue
        _unpack(_packed(name, version, npm), target)
        log(f"unpacked: {target}")
        written.append(target)
    return written


def _packed(name: str, version: str, npm: str) -> bytes:
    """The package's tarball, as ``npm pack`` fetches it from the configured registry."""
    if shutil.which(npm) is None:
        raise OfflinePreparationError(f"{npm} is not installed: it fetches the page's assets")
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [npm, "pack", f"{name}@{version}", "--silent", "--pack-destination", folder],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise OfflinePreparationError(f"npm pack {name}@{version}: {result.stderr.strip()}")
        (tarball,) = Path(folder).glob("*.tgz")
        return tarball.read_bytes()


def _unpack(tarball: bytes, target: Path) -> None:
    """Extract the tarball's ``package/`` folder as ``target``, atomically by a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as folder:
        archive = Path(folder) / "package.tgz"
        archive.write_bytes(tarball)
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
        try:
            (Path(folder) / "package").rename(target)
        except OSError:
            if not target.is_dir():  # else another process (a parallel test) unpacked it first
                raise


def missing(cache: Path, packages: dict[str, str]) -> Iterable[str]:
    """The ``name@version`` of each package not in the cache yet."""
    return [f"{n}@{v}" for n, v in packages.items() if not (cache / f"{n}@{v}").is_dir()]
