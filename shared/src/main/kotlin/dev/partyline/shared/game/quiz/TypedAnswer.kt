package dev.partyline.shared.game.quiz

import java.text.Normalizer

/** Matching of typed answers: case, accents and surrounding or repeated spaces do not count. */
object TypedAnswer {
    private val marks = Regex("\\p{M}+")
    private val spaces = Regex("\\s+")

    fun normalize(text: String): String =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replace(marks, "")
            .lowercase()
            .replace(spaces, " ")
            .trim()

    fun matches(text: String, accept: List<String>): Boolean {
        val given = normalize(text)
        return given.isNotEmpty() && accept.any { normalize(it) == given }
    }
}
