"""The bundled demo services directory (an HSDS 3 tabular package): SAMPLE DATA, NOT REAL LISTINGS."""
