package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.shouldBe

class TypedAnswerSpec : FunSpec({
    test("case does not count") {
        TypedAnswer.matches("ADA lovelace", listOf("Ada Lovelace")).shouldBeTrue()
        TypedAnswer.matches("udp", listOf("UDP")).shouldBeTrue()
    }

    test("accents do not count, either way round") {
        TypedAnswer.matches("Ångström", listOf("angstrom")).shouldBeTrue()
        TypedAnswer.matches("angstrom", listOf("Ångström")).shouldBeTrue()
        TypedAnswer.matches("Poincare", listOf("Poincaré")).shouldBeTrue()
        TypedAnswer.matches("Gödel", listOf("godel")).shouldBeTrue()
    }

    test("a precomposed accent and a combining accent are the same") {
        TypedAnswer.matches("Poincar\u00e9", listOf("Poincare\u0301")).shouldBeTrue()
    }

    test("surrounding spaces do not count") {
        TypedAnswer.matches("  Ada Lovelace \t", listOf("Ada Lovelace")).shouldBeTrue()
        TypedAnswer.matches("Ada Lovelace", listOf(" Ada Lovelace\n")).shouldBeTrue()
    }

    test("repeated spaces inside count as one") {
        TypedAnswer.matches("Ada    Lovelace", listOf("Ada Lovelace")).shouldBeTrue()
        TypedAnswer.matches("Ada\t\tLovelace", listOf("Ada Lovelace")).shouldBeTrue()
    }

    test("a space inside a word still counts") {
        TypedAnswer.matches("AdaLovelace", listOf("Ada Lovelace")).shouldBeFalse()
    }

    test("a different or partial text does not match") {
        TypedAnswer.matches("Babbage", listOf("Ada Lovelace")).shouldBeFalse()
        TypedAnswer.matches("Ada", listOf("Ada Lovelace")).shouldBeFalse()
        TypedAnswer.matches("Ada Lovelace!", listOf("Ada Lovelace")).shouldBeFalse()
    }

    test("any one of the accepted texts matches") {
        TypedAnswer.matches("lovelace", listOf("Ada Lovelace", "Lovelace")).shouldBeTrue()
    }

    test("an empty answer never matches, not even an empty accepted text") {
        TypedAnswer.matches("", listOf("")).shouldBeFalse()
        TypedAnswer.matches("   ", listOf("   ")).shouldBeFalse()
        TypedAnswer.matches("", listOf("Ada")).shouldBeFalse()
    }

    test("an answer of accents alone is empty and never matches") {
        TypedAnswer.matches("\u0301\u0308", listOf("")).shouldBeFalse()
    }

    test("nothing matches an empty list of accepted texts") {
        TypedAnswer.matches("Ada", emptyList()).shouldBeFalse()
    }

    test("normalizing lowercases, strips accents and squeezes spaces") {
        TypedAnswer.normalize("  Ångström   Unit ") shouldBe "angstrom unit"
    }
})
