"""``govsim dashboard``: its defaults, its folders and the offline preparation's failures."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from govsim.cli import app
from govsim.dashboard import offline, server
from govsim.dashboard.catalogue import FOLDERS_VARIABLE, SHIPPED_FOLDER
from govsim.dashboard.page import first_language
from govsim.labels import LANGUAGE_VARIABLE

runner = CliRunner()


@pytest.fixture
def served(monkeypatch):
    """What ``serve`` was called with, instead of starting a server."""
    calls = []
    monkeypatch.setattr(server, "serve", lambda *args: calls.append(args))
    for name in (FOLDERS_VARIABLE, LANGUAGE_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    return calls


def test_it_listens_on_this_machine_only_unless_told(served):
    result = runner.invoke(app, ["dashboard"])
    assert result.exit_code == 0, result.output
    (folders, host, port, language) = served[0]
    assert (host, port, language) == ("127.0.0.1", 8765, "en")
    assert folders == [SHIPPED_FOLDER]


def test_the_trainers_folders_follow_the_shipped_ones(served, lesson):
    result = runner.invoke(
        app, ["dashboard", "--scenarios", str(lesson), "--host", "0.0.0.0", "--lang", "zh"]
    )
    assert result.exit_code == 0, result.output
    folders, host, _, language = served[0]
    assert folders == [SHIPPED_FOLDER, lesson.resolve()]
    assert (host, language) == ("0.0.0.0", "zh")


def test_a_missing_folder_is_refused(served, tmp_path):
    result = runner.invoke(app, ["dashboard", "--scenarios", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert not served


def test_the_page_opens_in_the_servers_language(monkeypatch):
    monkeypatch.setenv(LANGUAGE_VARIABLE, "zh")
    assert first_language() == "zh"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "fr")
    assert first_language() == "en"


def test_offline_preparation_without_npm_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv("SOLARA_ASSETS_PROXY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(offline, "default_cache", lambda: tmp_path / "cache")
    monkeypatch.setattr(offline, "asked_versions", lambda: {"requirejs": "2.3.6"})
    monkeypatch.setattr(offline.shutil, "which", lambda _: None)
    result = runner.invoke(app, ["dashboard", "--prepare-offline"])
    assert result.exit_code == 1
    assert "npm is not installed" in result.output


def test_solara_still_names_the_versions_it_asks_for():
    versions = offline.asked_versions()
    assert set(versions) == set(offline.PACKAGES)
    assert all(version[0].isdigit() for version in versions.values())


def test_a_package_unpacked_meanwhile_by_another_process_is_kept(tmp_path):
    import io
    import tarfile

    def tarball(text: str) -> bytes:
        data = io.BytesIO()
        with tarfile.open(fileobj=data, mode="w:gz") as tar:
            info = tarfile.TarInfo("package/require.js")
            info.size = len(text)
            tar.addfile(info, io.BytesIO(text.encode()))
        return data.getvalue()

    target = tmp_path / "requirejs@2.3.6"
    offline._unpack(tarball("first"), target)
    offline._unpack(tarball("second"), target)  # a second process, a moment later
    assert (target / "require.js").read_text() == "first"


def test_plotlys_bundle_is_copied_into_the_cache_once(tmp_path):
    from govsim.dashboard.plot import BUNDLE, install_bundle

    target = install_bundle(tmp_path)
    assert target.read_bytes() == BUNDLE.read_bytes()
    assert install_bundle(tmp_path) == target
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_the_server_is_started_without_telemetry_or_a_version_check(monkeypatch):
    """Solara would otherwise call its telemetry service and PyPI: nothing leaves an intranet."""
    from solara.__main__ import run

    started = []
    monkeypatch.setattr(run, "main", lambda arguments, **_: started.append(arguments))
    monkeypatch.setattr("govsim.dashboard.plot.install_bundle", lambda cache: None)
    for name in ("SOLARA_TELEMETRY_MIXPANEL_ENABLE", FOLDERS_VARIABLE, LANGUAGE_VARIABLE):
        monkeypatch.setenv(name, "")  # so that the variables serve sets are undone afterwards
        monkeypatch.delenv(name)
    server.serve([SHIPPED_FOLDER])
    assert os.environ["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "False"
    assert "--no-check-version" in started[0]
