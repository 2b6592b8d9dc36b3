/**
 * A tiny service laid out as {@code ArchitectureRules} wants, and beside it the classes a hurried change might put in
 * the wrong place: {@code ArchitectureRulesTest} proves each rule refuses one of them, naming where it belongs.
 */
package io.aftercare.contracts.sample;
