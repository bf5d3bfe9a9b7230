# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/auth.py
# Template:    python/runtime/auth.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Bearer tokens: a configured/env token, else azure-identity when installed, else none."""

from __future__ import annotations

import threading
import time
from typing import Any


class TokenSource:
    """Callable returning the bearer token for each request (or None: no header)."""

    def __init__(self, static_token: str | None, endpoint: str) -> None:
        self.static_token = static_token
        self.scope = endpoint.rstrip("/") + "/.default"
        self._credential: Any = None
        self._probed = False
        self._cached: str | None = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def _load_credential(self) -> Any:
        if not self._probed:
            self._probed = True
            try:
                from azure.identity import DefaultAzureCredential
            except ImportError:
                self._credential = None
            else:
                self._credential = DefaultAzureCredential()
        return self._credential

    def __call__(self) -> str | None:
        if self.static_token:
            return self.static_token
        with self._lock:
            credential = self._load_credential()
            if credential is None:
                return None
            # Refresh five minutes early so a token never expires mid-request.
            if self._cached is None or time.time() > self._expires - 300:
                token = credential.get_token(self.scope)
                self._cached = str(token.token)
                self._expires = float(token.expires_on)
            return self._cached
