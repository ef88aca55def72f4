"""Rules and classifier together: which intent to act on, and when a write must be asked rather than guessed.

The classifier gives a probability to every label (an intent, or ``set_status:<status>``); the rules give one
vote, worth :data:`RULE_WEIGHT` (the weight that scored best on the classifier's out-of-fold predictions over the
training phrases). Where the rules matched an explicit form they decide alone: a create or help phrase, a status
verb right before the code. The rules were written for the phrasings they were tuned on; the classifier has read
thousands of other hands.
"""

from __future__ import annotations

from collections.abc import Mapping

WRITES = ("log_update", "set_due", "set_status:done", "set_status:in_progress", "set_status:pending", "create")
RULE_WEIGHT = 0.2
SURE = 0.6  # a write the classifier gives less than this is asked
QUESTION_WRITE = 0.8  # a question is a write only when the classifier is this sure
OVER_A_READ = 0.9  # a write the rules read as no write is confirmed unless the classifier is this sure
ALSO = 0.15  # another write at least this likely is offered beside it


def label_of(intent: str, status: str | None) -> str:
    return f"set_status:{status}" if intent == "set_status" and status else intent


def choose(rule: str, probs: Mapping[str, float], *, certain: bool, question: bool, one_status: bool = False) -> str:
    """The label to act on: the classifier's probabilities plus the rules' vote.

    Args:
        rule: the rules' label.
        probs: the classifier's probabilities.
        certain: the rules matched an explicit form (a create or help phrase, a status verb right before the code).
        question: the message asks (a question mark); a write then needs the classifier to be quite sure.
        one_status: the message names one status; when both read a status change, it is the one set.
    """
    if certain:
        return rule
    scores = {label: p + (RULE_WEIGHT if label == rule else 0.0) for label, p in probs.items()}
    if rule not in scores:
        scores[rule] = RULE_WEIGHT
    chosen = max(scores, key=scores.__getitem__)
    if question and chosen in WRITES and rule not in WRITES and probs[chosen] < QUESTION_WRITE:
        return rule
    if one_status and chosen.startswith("set_status:") and rule.startswith("set_status:"):
        return rule  # both read a status change: which status is the one word the message says ("… as pending")
    return chosen


def options(
    chosen: str, rule: str, probs: Mapping[str, float], *, dated_note: bool, coded: bool = True
) -> tuple[str, ...]:
    """The changes to offer when the chosen label is a write and something casts doubt on it, chosen first;
    empty when the write is clear (or the message asks for no write).

    Doubt is: the rules read another write; the rules' write won over a classifier that reads something else;
    the classifier gives the write less than :data:`SURE`; the message reports progress and names a day that
    could be a new deadline; the classifier's write names no code. A rule that read no write (a question by
    default, or nothing) casts no doubt on a write the classifier is very sure of (:data:`OVER_A_READ`): the
    rules fall back to those when they do not recognise a phrasing.

    Args:
        chosen: the label acted on.
        rule: the rules' label.
        probs: the classifier's probabilities.
        dated_note: the message reports progress and names a date that could be a new deadline.
        coded: the message names a commitment by its code; a change the rules did not read, to a commitment
            found only by its words, is confirmed.
    """
    if chosen not in WRITES:
        return ()
    model = max(probs, key=probs.__getitem__)
    offered = [chosen]
    disputed = rule != model and (rule in WRITES or chosen == rule or probs.get(chosen, 0.0) < OVER_A_READ)
    disputed = disputed or chosen != rule and not coded and chosen != "create"
    if disputed:
        offered += [label for label in (rule, model) if label in WRITES]
    unsure = probs.get(chosen, 0.0) < SURE
    if unsure or disputed:
        offered += sorted((w for w in WRITES if probs.get(w, 0.0) >= ALSO), key=lambda w: -probs[w])
    if dated_note and chosen == "log_update":
        offered.append("set_due")
    unique = tuple(dict.fromkeys(offered))
    return unique if len(unique) > 1 or disputed or unsure else ()
