"""MDB307/MDB308 (queries Django refuses: analysis/asyncorm.py) and MDB305's advice where the bulk
form would not do (the loop uses the write's result; prefetch_related_objects() per row). The
fixtures under rules/ are proved at runtime by test_catalog; these check what the messages say."""

from __future__ import annotations

from mdblint.checks import select_rules
from mdblint.engine import Linter
from mdblint.report.severity import level
from tests.helpers import REPO, load_sample

RULES = REPO / "rules"


def _findings(path, sample="bookstore"):
    return Linter(load_sample(sample), select_rules()).lint_path(path)[0]


def test_raising_codes_are_errors_the_other_n_plus_one_codes_warnings():
    assert level("MDB307") == level("MDB308") == "error"
    assert {level(c) for c in ("MDB301", "MDB302", "MDB303", "MDB304", "MDB305")} == {"warning"}


def test_async_messages_name_the_function_and_the_async_twin():
    (f,) = [f for f in _findings(RULES / "MDB307" / "bad_get.py") if f.code == "MDB307"]
    assert "Pet.objects.get() is the sync ORM" in f.message and "async def first_pet()" in f.message
    assert "SynchronousOnlyOperation" in f.message and "`await Pet.objects.aget()`" in f.message
    (f,) = [f for f in _findings(RULES / "MDB307" / "bad_forward_after_aget.py") if f.code == "MDB307"]
    assert f.message.startswith("Pet.owner is not loaded with the instance") and 'select_related("owner")' in f.message


def test_async_reads_through_calls_name_the_callee_and_are_not_also_n_plus_one():
    findings = _findings(RULES / "MDB307" / "bad_str_method.py", "shop")
    assert [(f.line, f.code) for f in findings] == [(22, "MDB307")]
    assert "through str(order) (Order.__str__, samples/shop/orders/models.py:37)" in findings[0].message


def test_async_for_over_a_related_manager_is_an_n_plus_one_not_an_error(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(
        "from catalog.models import Person\n\n\n"
        "async def names():\n"
        "    out = []\n"
        "    async for person in Person.objects.all():\n"
        "        async for pet in person.pet_set.all():\n"
        "            out.append(pet.name)\n"
        "        out.append(await person.pet_set.acount())\n"
        "    return out\n")
    assert [(f.line, f.code) for f in _findings(path)] == [(7, "MDB302"), (9, "MDB302")]


def test_fetch_raise_message():
    (f,) = [f for f in _findings(RULES / "MDB308" / "bad_loop_forward.py") if f.code == "MDB308"]
    assert "fetch_mode(FETCH_RAISE)" in f.message and "FieldFetchBlocked" in f.message
    assert 'select_related("owner")' in f.message


def test_mdb305_does_not_offer_the_bulk_form_when_the_result_is_used():
    (used,) = _findings(RULES / "MDB305" / "bad_create_result_used.py")
    assert "the loop uses the object it returns" in used.message
    (plain,) = [f for f in _findings(RULES / "MDB305" / "bad_create.py") if f.code == "MDB305"]
    assert "one bulk_create() after it" in plain.message and "uses" not in plain.message
    (count,) = [f for f in _findings(RULES / "MDB305" / "bad_update_count_used.py") if f.code == "MDB305"]
    assert "the loop uses the count it returns" in count.message


def test_prefetch_related_objects_per_row_is_the_n_plus_one_and_covers_that_row():
    findings = _findings(RULES / "MDB305" / "bad_prefetch_related_objects_per_row.py", "shop")
    # one finding, at the call: the row's lines are prefetched after it (no MDB302 on the next line)
    assert [(f.line, f.code) for f in findings] == [(22, "MDB305")]
    assert "call it once, before the loop, on all the rows" in findings[0].message
