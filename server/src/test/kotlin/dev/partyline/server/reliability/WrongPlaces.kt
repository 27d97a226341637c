package dev.partyline.server.reliability

import dev.partyline.server.reliability.Place.FRESH
import dev.partyline.server.reliability.Place.LOBBY
import dev.partyline.server.reliability.Place.MEMORY_HOST
import dev.partyline.server.reliability.Place.MEMORY_PLAYER
import dev.partyline.server.reliability.Place.MEMORY_SPECTATOR
import dev.partyline.server.reliability.Place.OVER_HOST
import dev.partyline.server.reliability.Place.OVER_PLAYER
import dev.partyline.server.reliability.Place.PLAYING_ANSWERED
import dev.partyline.server.reliability.Place.PLAYING_HOST
import dev.partyline.server.reliability.Place.PLAYING_PLAYER
import dev.partyline.server.reliability.Place.PLAYING_SPECTATOR
import dev.partyline.server.reliability.Place.QUIZ_LOBBY_HOST
import dev.partyline.server.reliability.Place.QUIZ_LOBBY_PLAYER
import dev.partyline.server.reliability.Place.QUIZ_LOBBY_SPECTATOR

/**
 * Every client message type in every state and role where it is refused, with the code it
 * gets. A well-formed message that is right in a place (a host's `start` in the lobby, a
 * player's `chat` in a room) is not listed there: it would change the room.
 */
object WrongPlaces {
    /** One well-formed instance of each client message type; `join` names a room no one is in. */
    private val messages = linkedMapOf(
        "hello" to """{"type":"hello","name":"again","protocol":1}""",
        "ping" to """{"type":"ping","t":1}""",
        "pong" to """{"type":"pong","t":1}""",
        "rooms" to """{"type":"rooms"}""",
        "packs" to """{"type":"packs"}""",
        "create" to """{"type":"create","game":"quiz"}""",
        "join" to """{"type":"join","room":"ZZZZZ"}""",
        "leave" to """{"type":"leave"}""",
        "start" to """{"type":"start"}""",
        "kick" to """{"type":"kick","player":"p_nobody"}""",
        "pause" to """{"type":"pause"}""",
        "resume" to """{"type":"resume"}""",
        "skip" to """{"type":"skip"}""",
        "end" to """{"type":"end"}""",
        "chat" to """{"type":"chat","text":"hi"}""",
        "add_bot" to """{"type":"add_bot"}""",
        "remove_bot" to """{"type":"remove_bot","player":"p_nobody"}""",
        "answer" to """{"type":"answer","index":0,"choice":0}""",
        "flip" to """{"type":"flip","card":0}""",
    )

    private val hostOnly = listOf("start", "kick", "pause", "resume", "skip", "end", "add_bot", "remove_bot")
    private val inRoomOnly = listOf("start", "kick", "pause", "resume", "skip", "end", "chat", "add_bot", "remove_bot", "answer", "flip")

    /** In any room: a second hello, a second room. */
    private val inAnyRoom = mapOf("hello" to "already_welcomed", "create" to "already_in_room", "join" to "already_in_room")

    private val refusals: Map<Place, Map<String, String>> = mapOf(
        FRESH to (messages.keys - "hello").associateWith { "not_welcomed" },
        LOBBY to mapOf("hello" to "already_welcomed", "join" to "room_not_found", "leave" to "not_in_room") +
            inRoomOnly.associateWith { "not_in_room" },
        // The quiz in its lobby admits no bots.
        QUIZ_LOBBY_HOST to inAnyRoom + mapOf(
            "kick" to "bad_request", "pause" to "wrong_state", "resume" to "wrong_state", "skip" to "wrong_state",
            "end" to "wrong_state", "add_bot" to "bots_not_allowed", "remove_bot" to "bad_request",
            "answer" to "wrong_state", "flip" to "wrong_state",
        ),
        QUIZ_LOBBY_PLAYER to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "wrong_state", "flip" to "wrong_state"),
        QUIZ_LOBBY_SPECTATOR to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "wrong_state", "flip" to "wrong_state"),
        // The quiz under way admits no bots either; its host does not play; a flip is no quiz move.
        PLAYING_HOST to inAnyRoom + mapOf(
            "start" to "wrong_state", "kick" to "bad_request", "resume" to "wrong_state", "add_bot" to "bots_not_allowed",
            "remove_bot" to "bad_request", "answer" to "not_a_player", "flip" to "wrong_state",
        ),
        PLAYING_PLAYER to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("flip" to "wrong_state"),
        PLAYING_ANSWERED to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "already_answered", "flip" to "wrong_state"),
        PLAYING_SPECTATOR to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "not_a_player", "flip" to "wrong_state"),
        // The finished quiz admits bots, but the game is over.
        OVER_HOST to inAnyRoom + mapOf(
            "start" to "wrong_state", "kick" to "bad_request", "pause" to "wrong_state", "resume" to "wrong_state",
            "skip" to "wrong_state", "end" to "wrong_state", "add_bot" to "wrong_state", "remove_bot" to "bad_request",
            "answer" to "wrong_state", "flip" to "wrong_state",
        ),
        OVER_PLAYER to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "wrong_state", "flip" to "wrong_state"),
        // Memory under way, no bots; the host is on turn, so only its impossible flips are wrong.
        MEMORY_HOST to inAnyRoom + mapOf(
            "start" to "wrong_state", "kick" to "bad_request", "resume" to "wrong_state", "add_bot" to "bots_not_allowed",
            "remove_bot" to "bad_request", "answer" to "wrong_state",
        ),
        MEMORY_PLAYER to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "wrong_state", "flip" to "not_your_turn"),
        MEMORY_SPECTATOR to inAnyRoom + hostOnly.associateWith { "not_host" } + mapOf("answer" to "wrong_state", "flip" to "not_a_player"),
    )

    /** Refusals that need a message other than the plain instance: bad values that only the room or game can judge. */
    private val extra: List<Triple<Place, String, String>> = listOf(
        Triple(FRESH, """{"type":"hello","name":"ok","protocol":2}""", "protocol_version"),
        Triple(FRESH, """{"type":"hello","name":"ok","protocol":0}""", "protocol_version"),
        Triple(FRESH, """{"type":"hello","name":"ok","protocol":-1}""", "protocol_version"),
        Triple(FRESH, """{"type":"hello","protocol":1}""", "bad_name"),
        Triple(FRESH, """{"type":"hello","name":"","protocol":1}""", "bad_name"),
        Triple(FRESH, """{"type":"hello","name":"    ","protocol":1}""", "bad_name"),
        Triple(FRESH, """{"type":"hello","name":"${"n".repeat(25)}","protocol":1}""", "bad_name"),
        Triple(FRESH, """{"type":"hello","name":"${"é".repeat(25)}","protocol":1}""", "bad_name"),
        Triple(FRESH, """{"type":"hello","session":"","protocol":1}""", "bad_session"),
        Triple(FRESH, """{"type":"hello","session":"nonsense","protocol":1}""", "bad_session"),
        Triple(FRESH, """{"type":"hello","session":"p_abc.${"A".repeat(22)}","protocol":1}""", "bad_session"),
        Triple(LOBBY, """{"type":"join","room":""}""", "room_not_found"),
        Triple(LOBBY, """{"type":"join","room":"ZZZZZZZ"}""", "room_not_found"),
        Triple(LOBBY, """{"type":"join","room":"AB\u0000CD"}""", "room_not_found"),
        Triple(LOBBY, """{"type":"join","room":"ZZZZZ","as":"referee"}""", "bad_request"),
        Triple(LOBBY, """{"type":"join","room":"ZZZZZ","as":"host"}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"chess"}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"QUIZ"}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"secnds":10}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"pack":"nope"}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"questions":[]}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"questions":[{"kind":"single","text":"?","choices":["a"],"answer":[3]}]}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"questions":[{"kind":"typed","text":"?","accept":["\u0000"]}]}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"questions":[{"kind":"typed","text":"a\u202Eb","accept":["x"]}]}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"quiz","options":{"questions":[{"kind":"single","text":"?","choices":["a\u0007","b"],"answer":[0]}]}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"memory","options":{"rows":3,"cols":3}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"memory","options":{"mode":"chaos"}}""", "bad_request"),
        Triple(LOBBY, """{"type":"create","game":"memory","options":{"public":"yes"}}""", "bad_request"),
        Triple(QUIZ_LOBBY_HOST, """{"type":"kick","player":"p_nobody\u202E"}""", "bad_request"),
        Triple(OVER_HOST, """{"type":"add_bot","name":"","skill":0.5}""", "bad_name"),
        Triple(OVER_HOST, """{"type":"add_bot","name":"${"b".repeat(25)}"}""", "bad_name"),
        Triple(OVER_HOST, """{"type":"add_bot","skill":-0.1}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":1,"text":"yes"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":-1,"text":"yes"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"choice":0}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"choices":[0]}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"text":""}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"text":"   "}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"text":"${"y".repeat(201)}"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"answer","index":0,"text":"yes","choice":1}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"chat","text":""}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"chat","text":"   "}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"chat","text":"${"c".repeat(281)}"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"chat","text":"${"€".repeat(281)}"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"chat"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"kick"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"join"}""", "bad_request"),
        Triple(PLAYING_PLAYER, """{"type":"flip"}""", "bad_request"),
        Triple(LOBBY, """{"type":"create"}""", "bad_request"),
        Triple(MEMORY_HOST, """{"type":"flip","card":16}""", "bad_request"),
        Triple(MEMORY_HOST, """{"type":"flip","card":-1}""", "bad_request"),
        Triple(MEMORY_HOST, """{"type":"flip","card":2147483647}""", "bad_request"),
        Triple(MEMORY_PLAYER, """{"type":"flip","card":16}""", "bad_request"),
        Triple(MEMORY_SPECTATOR, """{"type":"flip","card":16}""", "not_a_player"),
    )

    fun all(): List<BadInput> {
        val plain = refusals.flatMap { (place, codes) ->
            codes.map { (type, code) ->
                val id = "${place.name.lowercase()}.$type"
                bad("wrong state or role", place, withId(messages.getValue(type), id), code, "\"$id\"")
            }
        }
        val special = extra.mapIndexed { i, (place, text, code) ->
            bad("wrong state or role", place, withId(text, "x$i"), code, "\"x$i\"")
        }
        return plain + special
    }

    private fun withId(message: String, id: String) = message.removeSuffix("}") + ",\"id\":\"$id\"}"
}
