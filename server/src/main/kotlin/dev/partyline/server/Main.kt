package dev.partyline.server
fun main() { println(dev.partyline.shared.Probe(1)) }
