"""Action, callback and block IDs shared by the renderers and the Slack handlers."""

SLASH_COMMAND = "/compromisos"

# Buttons
MARK_DONE = "commitment_mark_done"
MARK_IN_PROGRESS = "commitment_mark_in_progress"
OPEN_LOG = "commitment_open_log"
OPEN_DUE = "commitment_open_due"
SHOW = "commitment_show"
MORE = "list_more"
OPEN_CREATE = "commitment_open_create"
REPORT = "report_build"
CHOOSE_DATE = "due_choose_date"
OPEN_EDIT = "commitment_open_edit"
UNDO = "change_undo"
CHOOSE_WRITE = "write_choose"

# Modals (callback IDs)
LOG_VIEW = "commitment_log_view"
DUE_VIEW = "commitment_due_view"
CREATE_VIEW = "commitment_create_view"
SHORTCUT_VIEW = "message_log_view"
EDIT_VIEW = "commitment_edit_view"
HOME_VIEW = "home_view"

# Message shortcut
LOG_MESSAGE_SHORTCUT = "log_message_as_update"

# Input blocks and their elements
NOTE_BLOCK, NOTE_INPUT = "note_block", "note_input"
DATE_BLOCK, DATE_INPUT = "date_block", "date_input"
TEXT_BLOCK, TEXT_INPUT = "text_block", "text_input"
AREAS_BLOCK, AREAS_INPUT = "areas_block", "areas_input"
CODE_BLOCK, CODE_INPUT = "code_block", "code_input"
PICK_BLOCK, PICK_INPUT = "pick_block", "pick_input"
WITHDRAW_BLOCK, WITHDRAW_INPUT = "withdraw_block", "withdraw_input"
REASON_BLOCK, REASON_INPUT = "reason_block", "reason_input"
