"""Credentials for the Search Console and Analytics Data APIs: a service-account key file, or a person's
Google account through the OAuth installed-app flow with the token cached in a file.

Secrets stay secret: keys and tokens are never printed or logged, error messages name only the file and what
to do, and the token file is written atomically with mode 600.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helder.atomic import atomic_path
from helder.errors import HelderError

SCOPES = ["https://www.googleapis.com/auth/webmasters.readonly",
          "https://www.googleapis.com/auth/analytics.readonly"]


def _read_json(path: Path, what: str) -> dict:
    path = Path(path)
    if not path.is_file():
        raise HelderError(f"{what} {path} does not exist: download it from the Google Cloud console "
                          "(APIs & Services → Credentials) and give its path.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise HelderError(f"{what} {path} is not a readable JSON file: download it again from the "
                          "Google Cloud console.") from None
    if not isinstance(data, dict):
        raise HelderError(f"{what} {path} is not a Google credentials JSON file: download it again.")
    return data


def _service_account_info(path: Path) -> dict:
    data = _read_json(path, "The service-account key file")
    if data.get("type") != "service_account":
        if "installed" in data or "web" in data:
            raise HelderError(f"{path} is an OAuth client file, not a service-account key: pass it as the OAuth "
                              "client secrets instead, or create a key under the service account (Keys → Add key "
                              "→ JSON).")
        raise HelderError(f"{path} is not a service-account key (its \"type\" is not \"service_account\"): create "
                          "a JSON key under the service account in the Google Cloud console and use that file.")
    missing = [k for k in ("client_email", "private_key", "token_uri") if not data.get(k)]
    if missing:
        raise HelderError(f"The service-account key file {path} lacks {', '.join(missing)}: download a new JSON "
                          "key for the service account.")
    return data


def service_account_email(path: Path) -> str:
    """The service account's e-mail address, to tell users whom to add in Search Console or GA4."""
    return str(_service_account_info(Path(path))["client_email"])


def service_account_credentials(path: Path) -> Any:
    from google.oauth2 import service_account

    _service_account_info(Path(path))
    try:
        return service_account.Credentials.from_service_account_file(str(path), scopes=SCOPES)
    except (ValueError, KeyError):  # the library's message may quote key material: do not pass it on
        raise HelderError(f"The service-account key file {path} could not be loaded (damaged private key?): "
                          "download a new JSON key for the service account.") from None


def _client_secrets_check(path: Path) -> None:
    data = _read_json(path, "The OAuth client secrets file")
    if data.get("type") == "service_account":
        raise HelderError(f"{path} is a service-account key, not an OAuth client file: pass it as the "
                          "service-account key instead.")
    if "installed" not in data and "web" not in data:
        raise HelderError(f"{path} is not an OAuth client file: create an OAuth client ID of type 'Desktop app' in "
                          "the Google Cloud console and download its JSON.")


def oauth_credentials(client_secrets: Path, token_file: Path,
                      run_flow: Callable[[Path], Any] | None = None,
                      refresh_request: Callable[[], Any] | None = None) -> Any:
    """A person's credentials: the cached token in `token_file` when it is valid, refreshed when expired,
    otherwise a browser sign-in (InstalledAppFlow on a free local port). The new token is saved atomically
    with mode 600. `run_flow` and `refresh_request` are for tests."""
    from google.auth.exceptions import RefreshError
    from google.oauth2.credentials import Credentials

    token_file = Path(token_file)
    creds = None
    if token_file.is_file():
        try:
            creds = Credentials.from_authorized_user_file(str(token_file), SCOPES)
        except (ValueError, KeyError, OSError):
            creds = None  # unreadable or from another client: sign in again and overwrite it
    if creds is not None and creds.valid and creds.has_scopes(SCOPES):
        return creds
    if creds is not None and creds.expired and creds.refresh_token and creds.has_scopes(SCOPES):
        try:
            creds.refresh(refresh_request() if refresh_request else _transport_request())
        except RefreshError:
            creds = None  # revoked or expired refresh token: sign in again
        else:
            save_token(creds, token_file)
            return creds
    _client_secrets_check(Path(client_secrets))
    creds = (run_flow or _run_installed_flow)(Path(client_secrets))
    save_token(creds, token_file)
    return creds


def _transport_request() -> Any:
    from google.auth.transport.requests import Request

    return Request()


def _run_installed_flow(client_secrets: Path) -> Any:
    from google_auth_oauthlib.flow import InstalledAppFlow

    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(client_secrets), SCOPES)
    except ValueError:
        raise HelderError(f"{client_secrets} is not a usable OAuth client file: create an OAuth client ID of type "
                          "'Desktop app' and download its JSON.") from None
    return flow.run_local_server(port=0, open_browser=True)


def save_token(creds: Any, token_file: Path) -> None:
    """Write the token atomically, readable by the owner only (mode 600) from the moment it exists."""
    token_file = Path(token_file)
    with atomic_path(token_file) as tmp:
        os.chmod(tmp, 0o600)
        tmp.write_text(creds.to_json(), encoding="utf-8")
    os.chmod(token_file, 0o600)


def credentials(key_file: Path | None = None, client_secrets: Path | None = None,
                token_file: Path | None = None) -> tuple[Any, str | None]:
    """(credentials, account e-mail or None): a service-account key when given, else the OAuth flow."""
    if key_file:
        return service_account_credentials(Path(key_file)), service_account_email(Path(key_file))
    if client_secrets:
        if not token_file:
            raise HelderError("Signing in with an OAuth client needs a token file to keep the sign-in; name one.")
        return oauth_credentials(Path(client_secrets), Path(token_file)), None
    raise HelderError("No Google credentials: give a service-account key file, or an OAuth client secrets file "
                      "and a token file.")


def build_service(api: str, creds: Any) -> Any:
    """`build("searchconsole", "v1")` or `build("analyticsdata", "v1beta")` from the bundled discovery
    documents: no discovery request over the network, nothing cached on disk."""
    from googleapiclient.discovery import build

    versions = {"searchconsole": "v1", "analyticsdata": "v1beta"}
    if api not in versions:
        raise HelderError(f"Unknown Google API {api!r}; use searchconsole or analyticsdata.")
    return build(api, versions[api], credentials=creds, cache_discovery=False, static_discovery=True)
