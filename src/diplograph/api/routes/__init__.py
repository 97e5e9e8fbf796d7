"""One APIRouter per resource; handlers parse, call api.queries, and return."""
