package dev.partyline.server.session

import dev.partyline.server.base.Clock
import dev.partyline.server.store.AccountStore
import dev.partyline.server.store.QuizStore
import dev.partyline.server.store.StoreSecrets
import dev.partyline.server.store.StoreUnavailable
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Rejection
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/**
 * A quiz room made from a saved quiz: `create` with `"options":{"quiz":"<id>",…}` gets the quiz's
 * questions as its inline `questions`, when the connection belongs to the quiz's owner or the quiz
 * is unlisted or public. Anything else is `quiz_not_found`, the same for a quiz that does not
 * exist and one that is not the caller's. Runs on the connection's coroutine, never in a room.
 */
class SavedQuizHosting(private val accounts: AccountStore, private val quizzes: QuizStore, private val clock: Clock) {
    /** What hosting came to: the options a quiz room is made with, or why not. */
    sealed interface Hosting {
        /** The [options] to create the room with; [title] is the saved quiz's, when it plays one. */
        data class Options(val options: JsonObject, val title: String? = null) : Hosting
        data class Refused(val rejection: Rejection) : Hosting
    }

    /** A [game]'s [options] with a saved `quiz` replaced by its questions; other options come back as they are. */
    suspend fun options(game: String, options: JsonObject, credentials: Credentials): Hosting {
        val id = options["quiz"]?.takeIf { game == QuizGame.id } ?: return Hosting.Options(options)
        val quizId = (id as? JsonPrimitive)?.takeIf { it.isString }?.contentOrNull ?: return refused(ErrorCode.BAD_REQUEST, "'quiz' must be a saved quiz's id")
        if ("questions" in options || "pack" in options) return refused(ErrorCode.BAD_REQUEST, "give one of 'quiz', 'pack' or 'questions'")
        return try {
            val quiz = quizzes.find(quizId)?.takeIf { it.shared || it.owner == account(credentials) }
                ?: return refused(ErrorCode.QUIZ_NOT_FOUND, "no saved quiz '$quizId' that you may host")
            Hosting.Options(JsonObject(options - "quiz" + ("questions" to quiz.roomQuestions())), quiz.title())
        } catch (e: StoreUnavailable) {
            refused(ErrorCode.INTERNAL, "the quiz library is not answering; try again in a moment")
        }
    }

    /** The account behind [credentials], whose games it lists; null when there is none or the store cannot say now. */
    suspend fun creator(credentials: Credentials): String? = try {
        account(credentials)
    } catch (e: StoreUnavailable) {
        null
    }

    /** Whether a bearer token is one of an account's; null when the store cannot say now. */
    suspend fun knowsToken(bearer: String): Boolean? = try {
        accounts.token(StoreSecrets.hash(bearer)) != null
    } catch (e: StoreUnavailable) {
        null
    }

    private suspend fun account(credentials: Credentials): String? =
        credentials.bearer?.let { accounts.token(StoreSecrets.hash(it))?.id }
            ?: credentials.sessionCookie?.let { accounts.session(StoreSecrets.hash(it), clock.now())?.id }

    private fun refused(code: ErrorCode, message: String) = Hosting.Refused(Rejection(code, message))
}
