package dev.partyline.server.http

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.http.api.QuizDocument
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.Question
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.Limits
import kotlinx.serialization.Serializable

/**
 * What `GET /api/limits` answers: the bounds a client can check before it sends something, taken
 * from the very constants and config the server checks with, so a client never copies a number.
 */
@Serializable
data class ClientLimits(
    /** Characters of a player name. */
    val maxNameChars: Int,
    /** Characters of a chat line. */
    val maxChatChars: Int,
    /** Bytes of UTF-8 in one line (TCP) or text frame (WebSocket): this server's `--max-line-bytes`. */
    val maxLineBytes: Int,
    val quiz: QuizLimits,
    val memory: MemoryLimits,
    val library: LibraryLimits,
) {
    companion object {
        fun of(config: ServerConfig) = ClientLimits(
            maxNameChars = Limits.MAX_NAME_CHARS,
            maxChatChars = Limits.MAX_CHAT_CHARS,
            maxLineBytes = config.maxLineBytes,
            quiz = QuizLimits(
                maxQuestions = QuizGame.MAX_QUESTIONS,
                maxQuestionChars = Question.MAX_TEXT,
                maxChoiceChars = Question.MAX_CHOICE,
                maxChoices = Question.MAX_CHOICES,
                minSeconds = Question.SECONDS.first,
                maxSeconds = Question.SECONDS.last,
                allowedPoints = Question.ALLOWED_POINTS.sorted(),
                maxTypedAnswerChars = Limits.MAX_TYPED_ANSWER_CHARS,
            ),
            memory = MemoryLimits(
                minRows = MemoryGame.SIDE.first,
                maxRows = MemoryGame.SIDE.last,
                minCols = MemoryGame.SIDE.first,
                maxCols = MemoryGame.SIDE.last,
            ),
            library = LibraryLimits(QuizDocument.MAX_TITLE, QuizDocument.MAX_DESCRIPTION, Question.MAX_EXPLANATION),
        )
    }
}

/** A quiz room's bounds: questions in a list, characters of a question and a choice, choices, seconds (the room's and a question's own), points, a typed answer. */
@Serializable
data class QuizLimits(
    val maxQuestions: Int,
    val maxQuestionChars: Int,
    val maxChoiceChars: Int,
    val maxChoices: Int,
    val minSeconds: Int,
    val maxSeconds: Int,
    val allowedPoints: List<Int>,
    val maxTypedAnswerChars: Int,
)

/** A memory board's rows and columns. */
@Serializable
data class MemoryLimits(val minRows: Int, val maxRows: Int, val minCols: Int, val maxCols: Int)

/** A saved quiz's own bounds (API.md): characters of its title and description, and of a question's explanation. */
@Serializable
data class LibraryLimits(val maxTitleChars: Int, val maxDescriptionChars: Int, val maxExplanationChars: Int)
