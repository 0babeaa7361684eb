/**
 * Text in two languages: {@link cn.ecozone.text.LocalizedText}, a label in Chinese (shown by default) with its English
 * gloss. At the bottom: every package may use it.
 * <p>
 * Not here: anything that knows layers, geometry or formats.
 */
package cn.ecozone.text;
