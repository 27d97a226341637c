package dev.partyline.shared.protocol

/** Every error code that can cross the wire; [wire] is the text clients see. */
enum class ErrorCode(val wire: String) {
    BAD_JSON("bad_json"),
    BAD_REQUEST("bad_request"),
    UNKNOWN_TYPE("unknown_type"),
    NOT_WELCOMED("not_welcomed"),
    ALREADY_WELCOMED("already_welcomed"),
    PROTOCOL_VERSION("protocol_version"),
    BAD_SESSION("bad_session"),
    ROOM_NOT_FOUND("room_not_found"),
    ROOM_FULL("room_full"),
    TOO_MANY_ROOMS("too_many_rooms"),
    NOT_IN_ROOM("not_in_room"),
    ALREADY_IN_ROOM("already_in_room"),
    NOT_HOST("not_host"),
    NOT_A_PLAYER("not_a_player"),
    BANNED("banned"),
    BOTS_NOT_ALLOWED("bots_not_allowed"),
    WRONG_STATE("wrong_state"),
    NOT_YOUR_TURN("not_your_turn"),
    TOO_LATE("too_late"),
    ALREADY_ANSWERED("already_answered"),
    RATE_LIMITED("rate_limited"),
    TOO_LARGE("too_large"),
    BAD_NAME("bad_name"),
    QUIZ_NOT_FOUND("quiz_not_found"),
    INTERNAL("internal_error"),
}

/** A refused request: the wire [code] and a sentence for humans. Illegal moves are values, not exceptions. */
data class Rejection(val code: ErrorCode, val message: String)
