"""Services: what the window and the command line ask of the caseload.

Plain synchronous calls that return dataclasses; the window runs them through its TaskRunner.
"""
