"""What a plan on the shipped example calendar says beyond the rule a test is about."""
# DOMAIN X2: what a plan on a calendar marked example data says (the shipped examples' calendars).
EXAMPLE_CALENDAR_NOTE = ("the school calendar of Sandefjord is example data, not the municipality's "
                         "published calendar: check the dates against it")


def beyond_example_note(findings):
    """The findings other than the example calendar's note: for tests of other rules, which plan
    on the shipped example calendar."""
    def message(finding):
        return finding["message"] if isinstance(finding, dict) else finding.message
    return [finding for finding in findings if message(finding) != EXAMPLE_CALENDAR_NOTE]
