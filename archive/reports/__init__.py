"""Query API for lookups and reports: see archive.reports.people, .queries, .canned, .readonly."""
