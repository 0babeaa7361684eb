/**
 * The command line: {@code serve}, {@code validate}, {@code check}, {@code measure}, {@code import}, {@code batch},
 * {@code access-list}, {@code compact}, {@code backup}, {@code restore}. A command parses its arguments, calls the
 * same use cases as HTTP ({@code app}) or the server ({@code api}), prints, and chooses the exit code.
 * <p>
 * Not here: logic another entry point would need — that belongs to {@code app} or below. Nothing imports {@code cli}.
 */
package cn.ecozone.cli;
