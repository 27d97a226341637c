package dev.partyline.server.examples

import java.io.File

/** The first fenced ```[language] block after the line [heading] of docs/[page], as the reader sees it. */
fun docsListing(page: String, heading: String, language: String): String = listing("docs/$page", heading, language)

/** The first fenced ```[language] block after the line [heading] of [path] (from the repository's top), as the reader sees it. */
fun listing(path: String, heading: String, language: String): String {
    val text = File("../$path").readText()
    val start = text.indexOf("\n$heading\n")
    check(start >= 0) { "$path has no heading \"$heading\"" }
    val block = Regex("\n```$language\n(.*?)```", RegexOption.DOT_MATCHES_ALL).find(text, start)
    checkNotNull(block) { "$path has no ```$language block after \"$heading\"" }
    return block.groupValues[1]
}

/** The source of a test file of this package, by its name. */
fun exampleSource(fileName: String): String = File("src/test/kotlin/dev/partyline/server/examples/$fileName").readText()
