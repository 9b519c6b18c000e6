"""The course plan from Python: the topic catalogue (DOMAIN T1-T6, G9, G10), a municipality's own
catalogue, the topic wishes and their aggregation (C5, C6, G6, T3), the presenters (C7), and the
Sandefjord pilot planned and validated as a course plan."""

import copy
import datetime
import json

import icalendar
import pytest

import paarorende
from example_calendar import EXAMPLE_CALENDAR_NOTE, beyond_example_note
from paarorende import (
    FIRST_SESSION_TOPIC,
    Audience,
    ChildProfile,
    ChildStage,
    CourseRequest,
    InputError,
    Presenter,
    PresenterRole,
    SessionStaffing,
    Severity,
    Staffing,
    Topic,
    TopicCatalogue,
    TopicChoice,
    TopicRules,
    TopicScore,
    TopicWish,
    Violation,
)

date = datetime.date

# DOMAIN T1-T6, G9: every topic the seeds name, by the rule that names it.
SEED_TOPICS = {
    "T1": ["palliative_care_and_rights", "self_care", "municipal_services",
           "sexuality_and_identity"],
    "T2": ["medical_challenges", "communication_and_interaction", "eating_and_nutrition",
           "rights_benefits_services", "family_life"],
    "T3": ["transition_to_lower_secondary", "planning_adult_life"],
    "T4": ["grief_and_grief_reactions"],
    "T5": ["meeting_others_rare_diagnosis"],
    "G9": ["fathers_session"],
    "T6": ["getting_to_know"],
}


@pytest.fixture(scope="module")
def builtin():
    return paarorende.builtin_catalogue()


def wish(participant, *topics, ranked=True):
    return TopicWish(participant=participant, topics=list(topics), ranked=ranked)


# ---------------------------------------------------------------------------------------------
# The built-in catalogue (DOMAIN T1-T6, G9, G10)

def test_builtin_catalogue_has_every_seed_topic_and_no_other(builtin):
    expected = {topic for ids in SEED_TOPICS.values() for topic in ids}
    assert {topic.id for topic in builtin} == expected
    assert len(builtin) == len(expected) == 15


@pytest.mark.parametrize("rule,topic_id", [(rule, topic_id) for rule, ids in SEED_TOPICS.items()
                                            for topic_id in ids])
def test_each_seed_topic_is_titled_and_described_in_both_languages(builtin, rule, topic_id):
    topic = builtin.find(topic_id)
    assert topic is not None
    assert topic.source == rule
    for text in (topic.title_nb, topic.title_en, topic.description_nb, topic.description_en):
        assert text.strip()
    assert topic.title_nb != topic.title_en
    assert topic.stages and topic.audiences


# DOMAIN C7: every topic names a role the catalogue knows, titled in every language.
def test_every_topic_has_a_known_presenter_role(builtin):
    for topic in builtin:
        role = builtin.find_role(topic.presenter_role)
        assert role is not None, topic.id
        assert role.title_nb and role.title_en and role.title_nn
    assert builtin.find_role("psychologist") == PresenterRole(
        id="psychologist", title_nb="Psykolog", title_en="Psychologist", title_nn="Psykolog")
    assert builtin.find_role("health_visitor").title_nn == "Helsesjukepleiar"
    assert builtin.find_role("astrologer") is None


# DOMAIN C6, T6: the first session's topic is in the catalogue, and named by a constant.
def test_first_session_topic_is_getting_to_know(builtin):
    assert FIRST_SESSION_TOPIC == "getting_to_know"
    assert FIRST_SESSION_TOPIC in builtin
    assert builtin.find(FIRST_SESSION_TOPIC).presenter_role == "course_leader"


# DOMAIN G9: the fathers' session is an offer for fathers, not a parents' course topic.
def test_fathers_session_is_for_fathers_only(builtin):
    fathers = builtin.find("fathers_session")
    assert fathers.is_for(Audience.fathers)
    assert not fathers.is_for(Audience.parents)
    assert builtin.find("self_care").is_for(Audience.parents)


# DOMAIN G6, T3: stages; the transition to lower secondary is a topic for primary school parents.
def test_topics_suit_their_stages(builtin):
    transition = builtin.find("transition_to_lower_secondary")
    assert transition.stages == [ChildStage.primary]
    assert transition.suits(ChildStage.primary)
    assert not transition.suits(ChildStage.lower_secondary)
    assert builtin.find("medical_challenges").stages == [ChildStage.kindergarten,
                                                          ChildStage.primary]
    assert builtin.find("planning_adult_life").suits(ChildStage.upper_secondary)


# DOMAIN G10: support for living with the condition as well and as long as possible.
def test_palliative_care_is_described_as_support_for_living(builtin):
    topic = builtin.find("palliative_care_and_rights")
    assert "as well and as long as possible" in topic.description_en
    assert "best mulig og lengst mulig" in topic.description_nb


def test_catalogue_is_a_python_container_of_topics(builtin):
    assert [topic.id for topic in builtin] == [topic.id for topic in builtin.topics]
    assert "self_care" in builtin
    assert "knitting" not in builtin
    assert builtin.find("knitting") is None
    assert builtin.index_of(FIRST_SESSION_TOPIC) == 0
    assert builtin.index_of("self_care") == 2
    assert builtin.index_of("knitting") is None
    assert len(TopicCatalogue()) == 0


def test_builtin_catalogue_hands_out_copies():
    catalogue = paarorende.builtin_catalogue()
    topics = catalogue.topics
    topics[0].title_en = "Changed"
    catalogue.topics = topics
    assert catalogue.topics[0].title_en == "Changed"
    assert paarorende.builtin_catalogue().topics[0].title_en == "Getting to know each other"


def test_topic_to_dict_is_the_json_form(builtin):
    document = json.loads(builtin.to_json())
    assert [topic.to_dict() for topic in builtin] == document["topics"]
    assert builtin.find("self_care").to_dict() == {
        "id": "self_care",
        "source": "T1",
        "title_nb": "Egenomsorg",
        "title_en": "Self-care",
        "description_nb": builtin.find("self_care").description_nb,
        "description_en": builtin.find("self_care").description_en,
        "title_nn": "Eigenomsorg",
        "description_nn": builtin.find("self_care").description_nn,
        "presenter_role": "psychologist",
        "stages": ["kindergarten", "primary", "lower_secondary", "upper_secondary"],
        "audiences": ["parents", "fathers"],
    }
    # A municipality's own topic has no source; its JSON form leaves it out.
    assert "source" not in Topic(id="coffee").to_dict()


def test_catalogue_json_round_trip(builtin):
    text = builtin.to_json()
    assert json.loads(text)["extends"] == "none"
    assert TopicCatalogue.from_json(text) == builtin
    assert TopicCatalogue.from_json(builtin.to_json(indent=None), base=TopicCatalogue()) == builtin


@pytest.mark.parametrize("grade,stage", [
    (1, ChildStage.primary), (7, ChildStage.primary), (8, ChildStage.lower_secondary),
    (10, ChildStage.lower_secondary), (11, ChildStage.upper_secondary),
    (13, ChildStage.upper_secondary),
])
def test_stage_of_grade(grade, stage):
    assert paarorende.stage_of_grade(grade) == stage


@pytest.mark.parametrize("grade", [0, 14])
def test_stage_of_grade_outside_school_is_an_input_error(grade):
    with pytest.raises(InputError, match=f"a school grade is 1-13, got {grade}"):
        paarorende.stage_of_grade(grade)


# ---------------------------------------------------------------------------------------------
# A municipality's catalogue (docs/topics.md)

def assistive_devices(**changes):
    topic = {
        "id": "assistive_devices",
        "title_nb": "Hjelpemidler i hverdagen",
        "title_en": "Assistive devices in everyday life",
        "description_nb": "Hvilke hjelpemidler som finnes, og hvordan dere søker om dem.",
        "description_en": "Which assistive devices there are, and how to apply for them.",
        "presenter_role": "occupational_therapist",
        "stages": ["primary", "lower_secondary"],
        "audiences": ["parents", "fathers"],
    }
    topic.update(changes)
    return topic


def municipal(*topics, **fields):
    return json.dumps({"municipality": "Sandefjord", "topics": list(topics), **fields})


def test_municipality_adds_a_topic_after_the_builtin_ones(builtin):
    catalogue = TopicCatalogue.from_json(municipal(assistive_devices()))
    assert len(catalogue) == len(builtin) + 1
    assert catalogue.topics[:-1] == builtin.topics
    added = catalogue.topics[-1]
    assert added == Topic(id="assistive_devices", title_nb="Hjelpemidler i hverdagen",
                          title_en="Assistive devices in everyday life",
                          description_nb=added.description_nb,
                          description_en=added.description_en,
                          presenter_role="occupational_therapist",
                          stages=[ChildStage.primary, ChildStage.lower_secondary],
                          audiences=[Audience.parents, Audience.fathers])
    assert added.source == ""


def test_municipality_overrides_who_presents_a_builtin_topic(builtin):
    catalogue = TopicCatalogue.from_json(
        municipal({"id": "self_care", "override": True, "presenter_role": "health_visitor"}))
    overridden = catalogue.find("self_care")
    assert overridden.presenter_role == "health_visitor"
    # Only the field given changes, and the topic keeps its place.
    expected = builtin.find("self_care")
    expected.presenter_role = "health_visitor"
    assert overridden == expected
    assert catalogue.index_of("self_care") == builtin.index_of("self_care")
    assert len(catalogue) == len(builtin)


def test_merging_leaves_the_builtin_catalogue_unchanged(builtin):
    before = paarorende.builtin_catalogue()
    TopicCatalogue.from_json(
        municipal(assistive_devices(),
                  {"id": "self_care", "override": True, "presenter_role": "health_visitor"}))
    assert paarorende.builtin_catalogue() == before == builtin
    assert paarorende.builtin_catalogue().find("self_care").presenter_role == "psychologist"


def test_municipality_adds_a_role_and_a_topic_it_presents():
    catalogue = TopicCatalogue.from_json(municipal(
        assistive_devices(presenter_role="librarian"),
        roles=[{"id": "librarian", "title_nb": "Bibliotekar", "title_en": "Librarian"}]))
    assert catalogue.find_role("librarian") == PresenterRole(
        id="librarian", title_nb="Bibliotekar", title_en="Librarian")
    assert catalogue.find("assistive_devices").presenter_role == "librarian"


def test_a_catalogue_merges_onto_the_base_given(builtin):
    base = TopicCatalogue.from_json(municipal(assistive_devices()))
    merged = TopicCatalogue.from_json(
        municipal({"id": "assistive_devices", "override": True, "title_en": "Aids"}), base=base)
    assert merged.find("assistive_devices").title_en == "Aids"
    assert base.find("assistive_devices").title_en == "Assistive devices in everyday life"


@pytest.mark.parametrize("document,where,rule,message", [
    (municipal({"id": "self_care", "presenter_role": "health_visitor"}), "/topics/0/id", "",
     '"self_care" is already in the catalogue; set "override": true to replace its fields'),
    (municipal({"id": "knitting", "override": True, "presenter_role": "health_visitor"}),
     "/topics/0/id", "", 'no "knitting" in the catalogue to override'),
    (municipal(assistive_devices(), assistive_devices()), "/topics/1/id", "",
     '"assistive_devices" appears twice in this file'),
    (municipal(assistive_devices(colour="blue")), "/topics/0/colour", "",
     'unknown field "colour"'),
    (municipal(assistive_devices(presenter_role="astrologer")), "/topics/0/presenter_role", "C7",
     'no presenter role "astrologer" in the catalogue'),
    (municipal({"id": "self_care", "override": True, "presenter_role": "astrologer"}),
     "/topics/0/presenter_role", "C7", 'no presenter role "astrologer" in the catalogue'),
    (municipal(assistive_devices(id="Assistive-Devices")), "/topics/0/id", "",
     'an id is lower-case letters, digits and _ (at most 64), got "Assistive-Devices"'),
    (municipal(roles=[{"id": "x y", "title_nb": "X", "title_en": "X"}]), "/roles/0/id", "",
     'an id is lower-case letters, digits and _ (at most 64), got "x y"'),
    (municipal(assistive_devices(stages=[])), "/topics/0/stages", "G6",
     "a topic suits at least one stage"),
    (json.dumps({"topicz": []}), "/topicz", "", 'unknown field "topicz"'),
], ids=["override without the flag", "override of an unknown id", "duplicate id",
        "unknown field", "unknown role", "override to an unknown role", "bad slug",
        "bad role slug", "no stage", "unknown top-level field"])
def test_catalogue_errors_say_where(document, where, rule, message):
    with pytest.raises(InputError) as caught:
        TopicCatalogue.from_json(document)
    assert (caught.value.where, caught.value.rule, caught.value.message) == (where, rule, message)


# DOMAIN T6: a catalogue that stands alone must still have the first session's topic.
def test_a_standalone_catalogue_needs_getting_to_know():
    roles = [{"id": "course_leader", "title_nb": "Kursleder", "title_en": "Course leader"}]
    coffee = assistive_devices(id="coffee", presenter_role="course_leader")
    for text, base in ((json.dumps({"extends": "none", "roles": roles, "topics": [coffee]}), None),
                       (municipal(coffee, roles=roles), TopicCatalogue())):
        with pytest.raises(InputError) as caught:
            TopicCatalogue.from_json(text, base=base)
        assert (caught.value.where, caught.value.rule) == ("/topics", "T6")
        assert caught.value.message == 'the catalogue needs the topic "getting_to_know"'
    alone = TopicCatalogue.from_json(json.dumps({
        "extends": "none", "roles": roles,
        "topics": [assistive_devices(id=FIRST_SESSION_TOPIC, presenter_role="course_leader")]}))
    assert [topic.id for topic in alone] == [FIRST_SESSION_TOPIC]


def test_catalogue_load_names_the_file(tmp_path, builtin):
    path = tmp_path / "topics.json"
    path.write_text(municipal(assistive_devices()), encoding="utf-8")
    assert TopicCatalogue.load(path) == TopicCatalogue.from_json(municipal(assistive_devices()))
    assert len(TopicCatalogue.load(str(path))) == len(builtin) + 1
    path.write_text(municipal({"id": "self_care"}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        TopicCatalogue.load(path)
    assert caught.value.where == f"{path}:/topics/0/id"


def test_catalogue_syntax_errors_give_line_and_column():
    with pytest.raises(InputError) as caught:
        TopicCatalogue.from_json('{"topics": [}')
    assert caught.value.where == "line 1, column 13"


# ---------------------------------------------------------------------------------------------
# Choosing the topics (DOMAIN C5, C6, G6, T3): a modified Borda count

# A lower-secondary group (grades 8 and 9; no transition within a year).
#   p1 ranks 3:  medical_challenges 6, self_care 4, family_life 2
#   p2 ranks 2:  medical_challenges 4, communication_and_interaction 2
#   p3 ticks 3:  family_life 4, medical_challenges 4, eating_and_nutrition 4   (k+1 = 4 each)
#   p4 ranks 1:  self_care 2
#   p5 ranks 2:  self_care 4, family_life 2
# Points (wishers):     medical_challenges 14 (3), self_care 10 (3), family_life 8 (3),
#                       eating_and_nutrition 4 (1), communication_and_interaction 2 (1).
# DOMAIN G6: medical_challenges and eating_and_nutrition suit kindergarten and primary only;
# the others suit every stage and count 150%:
#   self_care 1500 > medical_challenges 1400 > family_life 1200 > eating 400 > communication 300.
BORDA_WISHES = [
    wish("p1", "medical_challenges", "self_care", "family_life"),
    wish("p2", "medical_challenges", "communication_and_interaction"),
    wish("p3", "family_life", "medical_challenges", "eating_and_nutrition", ranked=False),
    wish("p4", "self_care"),
    wish("p5", "self_care", "family_life"),
]
LOWER_SECONDARY = [ChildProfile(grade=8), ChildProfile(grade=9)]


def test_borda_count_worked_by_hand():
    choice = paarorende.choose_topics(BORDA_WISHES, children=LOWER_SECONDARY, count=3)
    assert choice.topics == ["self_care", "medical_challenges", "family_life"]
    assert choice.ranking == [
        TopicScore(topic="self_care", points=10, weighted_points=1500, wishers=3),
        TopicScore(topic="medical_challenges", points=14, weighted_points=1400, wishers=3,
                   suits_stage=False),
        TopicScore(topic="family_life", points=8, weighted_points=1200, wishers=3),
        TopicScore(topic="eating_and_nutrition", points=4, weighted_points=400, wishers=1,
                   suits_stage=False),
        TopicScore(topic="communication_and_interaction", points=2, weighted_points=300,
                   wishers=1),
    ]
    assert choice.findings == []


# DOMAIN G6: without the stage weight, the most points win: medical_challenges 14 > self_care 10.
def test_stage_weight_is_a_rule_a_municipality_sets():
    choice = paarorende.choose_topics(BORDA_WISHES, children=LOWER_SECONDARY, count=3,
                                      rules=TopicRules(stage_weight_percent=100))
    assert choice.topics == ["medical_challenges", "self_care", "family_life"]
    assert [score.weighted_points for score in choice.ranking] == [1400, 1000, 800, 400, 200]


# Ties: first the topic more participants named, then the catalogue's order.
#   p1 ranks 2:  self_care 4, family_life 2
#   p2 ranks 1:  family_life 2
#   p3 ranks 1:  grief_and_grief_reactions 2
#   p4 ranks 1:  municipal_services 2
# No children: every topic suits the (empty) set of stages and counts 150%.
#   family_life 600 (2 wishers) before self_care 600 (1 wisher), though self_care comes first in
#   the catalogue; municipal_services 300 before grief_and_grief_reactions 300 (1 wisher each)
#   by the catalogue's order (3 < 12).
TIE_WISHES = [
    wish("p1", "self_care", "family_life"),
    wish("p2", "family_life"),
    wish("p3", "grief_and_grief_reactions"),
    wish("p4", "municipal_services"),
]


def test_ties_go_to_more_wishers_then_catalogue_order():
    choice = paarorende.choose_topics(TIE_WISHES, count=4)
    assert choice.topics == ["family_life", "self_care", "municipal_services",
                             "grief_and_grief_reactions"]
    assert [(s.topic, s.weighted_points, s.wishers) for s in choice.ranking] == [
        ("family_life", 600, 2), ("self_care", 600, 1), ("municipal_services", 300, 1),
        ("grief_and_grief_reactions", 300, 1)]


def test_choice_is_deterministic():
    reversed_wishes = list(reversed(TIE_WISHES))
    assert paarorende.choose_topics(reversed_wishes, count=4) == \
        paarorende.choose_topics(TIE_WISHES, count=4)


# DOMAIN T3: grade 7 faces lower secondary school within a year; the transition topic replaces
# the lowest choice (municipal_services, third above).
def test_grade_7_gets_the_transition_to_lower_secondary():
    choice = paarorende.choose_topics(TIE_WISHES, children=[ChildProfile(grade=7)], count=3)
    assert choice.topics == ["family_life", "self_care", "transition_to_lower_secondary"]
    assert choice.findings == [Violation(
        rule="T3", severity=Severity.info,
        message='"transition_to_lower_secondary" suggested: children in the group finish grade 7 '
                'within a year, in place of "municipal_services"')]


def test_grade_10_gets_planning_adult_life():
    choice = paarorende.choose_topics(TIE_WISHES, children=[ChildProfile(grade=10)], count=3)
    assert choice.topics == ["family_life", "self_care", "planning_adult_life"]
    assert [(f.rule, f.severity) for f in choice.findings] == [("T3", Severity.info)]
    assert choice.findings[0].message.endswith('in place of "municipal_services"')


def test_a_transition_topic_fills_a_free_place_before_replacing_one():
    choice = paarorende.choose_topics([wish("p1", "self_care")],
                                      children=[ChildProfile(grade=7)], count=2)
    assert choice.topics == ["self_care", "transition_to_lower_secondary"]
    assert choice.findings == [Violation(
        rule="T3", severity=Severity.info,
        message='"transition_to_lower_secondary" suggested: children in the group finish grade 7 '
                "within a year")]


def test_a_wished_transition_topic_is_not_suggested_again():
    wishes = [wish("p1", "transition_to_lower_secondary", "self_care")]
    choice = paarorende.choose_topics(wishes, children=[ChildProfile(grade=7)], count=2)
    assert choice.topics == ["transition_to_lower_secondary", "self_care"]
    assert choice.findings == []


def test_transition_suggestions_can_be_turned_off():
    choice = paarorende.choose_topics(TIE_WISHES, children=[ChildProfile(grade=7)], count=3,
                                      rules=TopicRules(suggest_transitions=False))
    assert choice.topics == ["family_life", "self_care", "municipal_services"]
    assert choice.findings == []


# DOMAIN C6: too few wishes; the rest come from the catalogue, topics that suit the stage, in
# the catalogue's order (getting_to_know is session 1's; self_care is wished already).
def test_few_wishes_are_filled_in_from_the_catalogue():
    choice = paarorende.choose_topics([wish("p1", "self_care")], children=LOWER_SECONDARY,
                                      count=4)
    assert choice.topics == ["self_care", "palliative_care_and_rights", "municipal_services",
                             "sexuality_and_identity"]
    assert choice.findings == [
        Violation(rule="C6", severity=Severity.info,
                  message=f'"{topic}" was not wished; taken from the catalogue')
        for topic in ("palliative_care_and_rights", "municipal_services",
                      "sexuality_and_identity")]


def test_without_wishes_every_topic_comes_from_the_catalogue():
    choice = paarorende.choose_topics([], children=[ChildProfile(stage=ChildStage.kindergarten)])
    # count defaults to the later sessions of a 5-session course (DOMAIN C1); the fourth
    # stage-suitable topic for kindergarten is medical_challenges (sexuality_and_identity does
    # not suit kindergarten).
    assert choice.topics == ["palliative_care_and_rights", "self_care", "municipal_services",
                             "medical_challenges"]
    assert choice.ranking == []


# DOMAIN T6, G9: getting to know each other is never a wish; the fathers' session is not a
# parents' course topic.
def test_wishes_for_session_1_or_for_fathers_are_set_aside_with_a_finding():
    choice = paarorende.choose_topics(
        [wish("p1", "fathers_session", FIRST_SESSION_TOPIC, "self_care")], count=1)
    assert choice.topics == ["self_care"]
    assert [(f.rule, f.severity) for f in choice.findings] == [("G9", Severity.warning),
                                                               ("T6", Severity.info)]
    assert choice.findings[0].message.startswith('"fathers_session" is not for parents')


def test_a_fathers_course_may_choose_the_fathers_session():
    choice = paarorende.choose_topics([wish("f1", "fathers_session", "self_care")], count=2,
                                      audience=Audience.fathers)
    assert choice.topics == ["fathers_session", "self_care"]


@pytest.mark.parametrize("wishes,where,message", [
    ([wish("p1", "self_care", "knitting")], "/wishes/0/topics/1",
     'no topic "knitting" in the catalogue'),
    ([wish("p1", "self_care"), wish("p2"), wish("p1", "family_life")], "/wishes/2/participant",
     'participant "p1" is listed twice'),
    ([wish("p1", "self_care", "family_life", "self_care")], "/wishes/0/topics/2",
     'topic "self_care" is named twice by one participant'),
], ids=["unknown topic", "participant twice", "topic twice"])
def test_wish_errors_say_where(wishes, where, message):
    with pytest.raises(InputError) as caught:
        paarorende.choose_topics(wishes)
    assert (caught.value.where, caught.value.message) == (where, message)


def test_a_grade_outside_its_stage_is_an_input_error():
    with pytest.raises(InputError) as caught:
        paarorende.choose_topics([], children=[ChildProfile(grade=8),
                                               ChildProfile(stage=ChildStage.primary, grade=9)])
    assert (caught.value.where, caught.value.message) == ("/children/1/grade",
                                                          "grade 9 is not in primary")


def test_choose_topics_takes_a_municipal_catalogue():
    catalogue = TopicCatalogue.from_json(municipal(assistive_devices()))
    choice = paarorende.choose_topics([wish("p1", "assistive_devices")], catalogue=catalogue,
                                      count=1)
    assert choice.topics == ["assistive_devices"]
    with pytest.raises(InputError):
        paarorende.choose_topics([wish("p1", "assistive_devices")], count=1)


# ---------------------------------------------------------------------------------------------
# Presenters (DOMAIN C7)

DATES = [date(2024, 9, 3), date(2024, 10, 1), date(2024, 10, 29)]
PRESENTERS = [
    Presenter(id="psykolog", role="psychologist", unavailable=[date(2024, 9, 3)]),
    Presenter(id="koordinator", role="service_coordinator"),
    Presenter(id="familieterapeut", role="family_therapist"),
]


def test_presenter_available_on():
    assert not PRESENTERS[0].available_on(date(2024, 9, 3))
    assert PRESENTERS[0].available_on(date(2024, 9, 4))


def test_topics_keep_their_order_when_every_session_can_be_staffed():
    staffing = paarorende.staff_sessions(DATES, ["municipal_services", "self_care", "family_life"],
                                         PRESENTERS)
    assert staffing == Staffing(sessions=[
        SessionStaffing(topic="municipal_services", presenter="koordinator"),
        SessionStaffing(topic="self_care", presenter="psykolog"),
        SessionStaffing(topic="family_life", presenter="familieterapeut"),
    ])


# The psychologist cannot come on the first date: the two first topics change places (the order
# closest to the wished one that staffs every session).
def test_topics_are_reordered_so_that_every_session_has_a_presenter():
    staffing = paarorende.staff_sessions(DATES, ["self_care", "municipal_services", "family_life"],
                                         PRESENTERS)
    assert [(s.topic, s.presenter) for s in staffing.sessions] == [
        ("municipal_services", "koordinator"), ("self_care", "psykolog"),
        ("family_life", "familieterapeut")]
    assert staffing.findings == [Violation(
        rule="C7", severity=Severity.info,
        message="topics reordered over the dates so that more sessions have a presenter: "
                "self_care, municipal_services moved")]


def test_a_session_nobody_can_present_keeps_its_topic_with_a_warning():
    away = paarorende.staff_sessions(DATES[:1], ["self_care"], PRESENTERS)
    assert away.sessions == [SessionStaffing(topic="self_care")]
    assert away.findings == [Violation(
        rule="C7", severity=Severity.warning, session=2,
        message="session 2 (self_care): no presenter with the role psychologist is free on "
                "2024-09-03")]
    nobody = paarorende.staff_sessions(DATES[1:2], ["medical_challenges"], PRESENTERS,
                                       first_number=4)
    assert nobody.sessions == [SessionStaffing(topic="medical_challenges")]
    assert nobody.findings == [Violation(
        rule="C7", severity=Severity.warning, session=4,
        message="session 4 (medical_challenges): no presenter has the role physician")]


# Of several free presenters the one with the fewest sessions so far, then the first by id.
def test_sessions_are_shared_between_presenters_of_one_role():
    two_psychologists = [Presenter(id="psy_b", role="psychologist"),
                         Presenter(id="psy_a", role="psychologist")]
    staffing = paarorende.staff_sessions(DATES, ["self_care", "grief_and_grief_reactions"],
                                         two_psychologists)
    assert staffing.sessions == [
        SessionStaffing(topic="self_care", presenter="psy_a"),
        SessionStaffing(topic="grief_and_grief_reactions", presenter="psy_b"),
        SessionStaffing(),  # more dates than topics: the last session has none yet
    ]
    assert staffing.findings == []


def test_staffing_errors():
    with pytest.raises(InputError) as caught:
        paarorende.staff_sessions(DATES[:1], ["self_care", "family_life"], PRESENTERS)
    assert (caught.value.rule, caught.value.message) == (
        "C5", "2 topics for 1 sessions; a topic is given once")
    with pytest.raises(InputError) as caught:
        paarorende.staff_sessions(DATES, ["knitting"], PRESENTERS)
    assert (caught.value.rule, caught.value.message) == (
        "C5", 'no topic "knitting" in the catalogue')


def test_staff_sessions_takes_a_municipal_catalogue():
    catalogue = TopicCatalogue.from_json(
        municipal({"id": "self_care", "override": True, "presenter_role": "health_visitor"}))
    nurse = Presenter(id="helsesykepleier", role="health_visitor")
    staffing = paarorende.staff_sessions(DATES[:1], ["self_care"], [nurse], catalogue=catalogue)
    assert staffing.sessions == [SessionStaffing(topic="self_care", presenter="helsesykepleier")]


# ---------------------------------------------------------------------------------------------
# The Sandefjord pilot as a course plan (DOMAIN C5-C7, T6; examples/sandefjord_pilot)

# The pilot's wishes (lower secondary, grades 8-9), worked by hand: ranked k topics give 2k, ...,
# 2; p07 ticks 4 topics, 5 points each.
#   palliative_care_and_rights  6+6+6+2+2+5 = 27 (6 wishers)
#   self_care                   2+4+6+6+5+4 = 27 (6)
#   municipal_services          4+4+2+4+5+4 = 23 (6)
#   sexuality_and_identity      2+4+4+5+6   = 21 (5)
# All four suit lower secondary (x150). palliative_care_and_rights and self_care tie on points
# and wishers; the catalogue puts palliative_care_and_rights first.
def test_pilot_wishes_worked_by_hand(pilot_request):
    choice = paarorende.choose_topics(pilot_request.wishes, children=pilot_request.children)
    assert choice.topics == ["palliative_care_and_rights", "self_care", "municipal_services",
                             "sexuality_and_identity"]
    assert [(s.topic, s.points, s.weighted_points, s.wishers) for s in choice.ranking[:4]] == [
        ("palliative_care_and_rights", 27, 4050, 6), ("self_care", 27, 4050, 6),
        ("municipal_services", 23, 3450, 6), ("sexuality_and_identity", 21, 3150, 5)]


# The psychologist cannot come on 2020-01-07 (session 3): self_care and municipal_services trade
# places (DOMAIN C7).
def test_pilot_plan_has_topics_and_presenters(pilot):
    assert [(s.number, s.topic, s.presenter) for s in pilot.sessions] == [
        (1, "getting_to_know", "lms_leder"),
        (2, "palliative_care_and_rights", "barnepalliasjon"),
        (3, "municipal_services", "koordinator"),
        (4, "self_care", "psykolog"),
        (5, "sexuality_and_identity", "helsesykepleier"),
    ]
    c7 = [f for f in pilot.findings if f.rule == "C7"]
    assert c7 == [Violation(rule="C7", severity=Severity.info,
                            message="topics reordered over the dates so that more sessions have "
                                    "a presenter: self_care, municipal_services moved")]
    assert paarorende.validate(pilot) == [Violation(rule="X2", severity=Severity.warning,
                                                    message=EXAMPLE_CALENDAR_NOTE)]


def test_pilot_introductions_name_the_topic(pilot, pilot_request):
    catalogue = pilot_request.topics()
    for session in pilot.sessions[1:]:
        introduction = [item for item in session.agenda
                        if item.kind == paarorende.AgendaKind.introduction]
        assert [item.title_nb for item in introduction] == [
            "Innledning: " + catalogue.find(session.topic).title_nb]
        assert introduction[0].title_en == "Introduction: " + catalogue.find(session.topic).title_en


def test_pilot_json_has_topic_and_presenter_per_session(pilot):
    sessions = json.loads(pilot.to_json())["sessions"]
    assert [(s["topic"], s["presenter"]) for s in sessions] == [
        (s.topic, s.presenter) for s in pilot.sessions]
    read_back = paarorende.CourseSchedule.from_json(pilot.to_json())
    assert read_back.sessions == pilot.sessions
    assert read_back.request.wishes == []  # DOMAIN X4: not in the schedule document


def test_pilot_icalendar_still_parses_and_names_the_topics(pilot, pilot_request):
    text = pilot.to_ical(dtstamp=datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc))
    events = [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]
    assert len(events) == 5
    catalogue = pilot_request.topics()
    for event, session in zip(events, pilot.sessions):
        assert event["DTSTART"].dt == session.start
        assert str(event["SUMMARY"]).endswith(" – " + catalogue.find(session.topic).title_nb)
    assert "Sykepleier, barnepalliativt team" in str(events[1]["DESCRIPTION"])


def test_a_request_without_wishes_leaves_the_later_topics_to_session_1(pilot_request):
    request = copy.deepcopy(pilot_request)
    request.wishes = []
    schedule = paarorende.plan_course(request)
    assert [s.topic for s in schedule.sessions] == [FIRST_SESSION_TOPIC, None, None, None, None]
    assert [s.presenter for s in schedule.sessions] == ["lms_leder", None, None, None, None]
    assert not beyond_example_note(paarorende.validate(schedule))


# DOMAIN G9: a fathers' course chooses among the topics for fathers.
def test_a_fathers_course_plans_the_fathers_session(pilot_request):
    request = copy.deepcopy(pilot_request)
    request.audience = Audience.fathers
    request.wishes = [wish("f1", "fathers_session", "self_care")]
    schedule = paarorende.plan_course(request)
    assert schedule.sessions[1].topic == "fathers_session"
    assert schedule.sessions[1].presenter == "lms_leder"


# ---------------------------------------------------------------------------------------------
# validate() on an edited course plan (DOMAIN C5, C7, T6)

def edited(pilot, change):
    sessions = pilot.sessions
    change(sessions)
    pilot.sessions = sessions
    return beyond_example_note(paarorende.validate(pilot))


def test_validate_finds_a_repeated_topic(pilot):
    def repeat_self_care(sessions):
        sessions[4].topic = "self_care"
        sessions[4].presenter = "psykolog"
    assert edited(pilot, repeat_self_care) == [Violation(
        rule="C5", severity=Severity.error, session=5,
        message='session 5 repeats the topic "self_care" of session 4')]


def test_validate_finds_a_first_session_with_another_topic(pilot):
    def grief_first(sessions):
        sessions[0].topic = "grief_and_grief_reactions"
        sessions[0].presenter = None
    assert edited(pilot, grief_first) == [Violation(
        rule="T6", severity=Severity.error, session=1,
        message='session 1 is for getting to know each other, not "grief_and_grief_reactions"')]


def test_validate_finds_a_presenter_of_the_wrong_role(pilot):
    def coordinator_on_palliative_care(sessions):
        sessions[1].presenter = "koordinator"
    assert edited(pilot, coordinator_on_palliative_care) == [Violation(
        rule="C7", severity=Severity.error, session=2,
        message='session 2: koordinator is a service_coordinator; "palliative_care_and_rights" '
                "is presented by a palliative_care_nurse")]


def test_validate_finds_a_presenter_who_cannot_come(pilot):
    def wished_order(sessions):  # self_care back on 2020-01-07, when the psychologist is away
        sessions[2].topic, sessions[3].topic = sessions[3].topic, sessions[2].topic
        sessions[2].presenter, sessions[3].presenter = sessions[3].presenter, sessions[2].presenter
    assert edited(pilot, wished_order) == [Violation(
        rule="C7", severity=Severity.error, session=3,
        message="session 3: psykolog cannot come on 2020-01-07")]


def test_validate_finds_an_unknown_presenter(pilot):
    def stranger(sessions):
        sessions[1].presenter = "nobody"
    assert edited(pilot, stranger) == [Violation(
        rule="C7", severity=Severity.error, session=2, message='session 2: no presenter "nobody"')]


# ---------------------------------------------------------------------------------------------
# The Python surface: keyword constructors with the C++ defaults, reprs, copies

def test_defaults_are_the_cpp_defaults():
    assert TopicRules() == TopicRules(stage_weight_percent=150, suggest_transitions=True)
    assert ChildProfile() == ChildProfile(stage=ChildStage.primary, grade=None)
    assert TopicWish(participant="p1") == TopicWish(participant="p1", topics=[], ranked=True)
    assert Presenter(id="x", role="psychologist").unavailable == []
    assert SessionStaffing() == SessionStaffing(topic=None, presenter=None)
    assert TopicChoice() == TopicChoice(topics=[], ranking=[], findings=[])
    assert Topic(id="x").stages == [] and Topic(id="x").audiences == []


# Without a stage, a child's is the grade's: the only one choose_topics() accepts (DOMAIN G6).
def test_child_stage_follows_the_grade_unless_given():
    assert ChildProfile(grade=9).stage == ChildStage.lower_secondary
    assert ChildProfile(grade=12).stage == ChildStage.upper_secondary
    assert ChildProfile(stage=ChildStage.primary, grade=9).stage == ChildStage.primary
    with pytest.raises(InputError):
        ChildProfile(grade=14)


def test_constructors_are_keyword_only():
    for cls, args in ((Topic, ("self_care",)), (TopicWish, ("p1",)),
                      (Presenter, ("psykolog", "psychologist")),
                      (ChildProfile, (ChildStage.primary,)), (PresenterRole, ("psychologist",)),
                      (TopicCatalogue, ([],))):
        with pytest.raises(TypeError):
            cls(*args)


def test_request_takes_the_course_plan_fields(pilot_request):
    catalogue = TopicCatalogue.from_json(municipal(assistive_devices()))
    request = CourseRequest(first_date=date(2019, 11, 5), wishes=pilot_request.wishes,
                            children=pilot_request.children, presenters=pilot_request.presenters,
                            catalogue=catalogue, topic_rules=TopicRules(stage_weight_percent=200),
                            audience=Audience.fathers)
    assert request.wishes == pilot_request.wishes
    assert request.children[0] == ChildProfile(stage=ChildStage.lower_secondary, grade=8)
    assert request.presenters[2].unavailable == [date(2020, 1, 7)]
    assert request.catalogue == catalogue
    assert request.topics() == catalogue
    assert request.topic_rules.stage_weight_percent == 200
    assert request.audience == Audience.fathers
    request.catalogue = None
    assert request.topics() == paarorende.builtin_catalogue()
    assert CourseRequest.from_json(request.to_json()) == request


def test_request_json_keeps_a_municipal_catalogue(pilot_request):
    request = copy.deepcopy(pilot_request)
    request.catalogue = TopicCatalogue.from_json(municipal(assistive_devices()))
    assert CourseRequest.from_json(request.to_json()) == request


def test_lists_read_as_copies(pilot_request):
    request = copy.deepcopy(pilot_request)
    request.wishes[0].participant = "changed"
    request.presenters[0].unavailable.append(date(2020, 1, 1))
    assert request.wishes[0].participant == "p01"
    assert request.presenters[0].unavailable == []
    catalogue = paarorende.builtin_catalogue()
    catalogue.find("self_care").presenter_role = "changed"
    next(iter(catalogue)).title_nb = "changed"
    assert catalogue == paarorende.builtin_catalogue()


def test_copies_are_deep():
    catalogue = paarorende.builtin_catalogue()
    clone = copy.deepcopy(catalogue)
    topics = clone.topics
    topics[1].presenter_role = "psychologist"
    clone.topics = topics
    assert clone != catalogue
    assert copy.copy(catalogue) == catalogue


@pytest.mark.parametrize("value", [
    PresenterRole(id="librarian", title_nb="Bibliotekar", title_en="Librarian"),
    Topic(id="coffee", title_nb="Kaffe, «sterk»", title_en="Coffee", presenter_role="course_leader",
          stages=[ChildStage.primary, ChildStage.upper_secondary], audiences=[Audience.fathers]),
    paarorende.builtin_catalogue().find("self_care"),
    TopicWish(participant="p07", topics=["self_care", "family_life"], ranked=False),
    ChildProfile(stage=ChildStage.lower_secondary, grade=9),
    ChildProfile(),
    TopicRules(stage_weight_percent=200, suggest_transitions=False),
    TopicScore(topic="self_care", points=10, weighted_points=1500, wishers=3),
    TopicChoice(topics=["self_care"],
                ranking=[TopicScore(topic="self_care", points=2, weighted_points=300, wishers=1)],
                findings=[Violation(rule="T3", severity=Severity.info, message="suggested")]),
    Presenter(id="psykolog", role="psychologist", name="Psykolog, familietjenesten",
              unavailable=[date(2020, 1, 7)]),
    SessionStaffing(topic="self_care", presenter="psykolog"),
    SessionStaffing(topic="medical_challenges"),
    Staffing(sessions=[SessionStaffing(topic="self_care", presenter="psykolog")],
             findings=[Violation(rule="C7", severity=Severity.warning, message="x", session=2)]),
    CourseRequest(first_date=date(2024, 9, 3), wishes=[TopicWish(participant="p1")],
                  children=[ChildProfile(grade=7)],
                  presenters=[Presenter(id="psykolog", role="psychologist")],
                  topic_rules=TopicRules(suggest_transitions=False), audience=Audience.fathers),
])
def test_repr_evaluates_back_to_an_equal_value(value, evaluated):
    assert evaluated(repr(value)) == value


def test_reprs_read_like_the_constructors(builtin):
    assert repr(ChildProfile(grade=9)) == "ChildProfile(stage=ChildStage.lower_secondary, grade=9)"
    assert repr(SessionStaffing(topic="self_care")) == (
        "SessionStaffing(topic='self_care', presenter=None)")
    assert repr(builtin) == ("TopicCatalogue(roles=<13 roles>, "
                             "topics=<15 topics getting_to_know .. fathers_session>)")
    assert repr(TopicCatalogue()) == "TopicCatalogue(roles=<0 roles>, topics=<0 topics>)"
    assert str(builtin.find("self_care")) == "self_care (Egenomsorg)"
