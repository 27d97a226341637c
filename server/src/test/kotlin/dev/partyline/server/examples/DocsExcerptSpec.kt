package dev.partyline.server.examples

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.io.File

/**
 * The Kotlin that docs/asyncio-to-coroutines.md shows is the code as it is: each block names the
 * marked region of a source file it was taken from (`<!-- excerpt: PATH#NAME -->` just above
 * it), and a block that no longer matches its region fails the build.
 */
class DocsExcerptSpec : FunSpec({
    val page = File("../$PAGE").readText()
    val excerpts = Regex("<!-- excerpt: (\\S+)#(\\S+) -->\n```kotlin\n(.*?)```", RegexOption.DOT_MATCHES_ALL).findAll(page).toList()

    test("every Kotlin block of $PAGE is an excerpt of a marked region") {
        excerpts.size shouldBe Regex("```kotlin\n").findAll(page).count()
        (excerpts.size >= 10) shouldBe true
    }

    for (excerpt in excerpts) {
        val (path, name, shown) = excerpt.destructured
        test("the excerpt $name of $path is the code as it is") {
            withClue("$PAGE shows an old copy of $path#$name: paste the region again") { shown shouldBe sourceRegion(path, name) }
        }
    }
})

private const val PAGE = "docs/asyncio-to-coroutines.md"
