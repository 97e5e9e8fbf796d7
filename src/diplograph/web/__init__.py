"""The offline web page: static files served by diplograph.api (scripts vendored, no CDN)."""
