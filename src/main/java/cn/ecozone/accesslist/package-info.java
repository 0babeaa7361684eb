/**
 * The 生态环境准入清单 as data: industries, the control-unit table, and requirements at the levels 国家 / 省 / 市 /
 * 区县 / 单元, each in one of the four dimensions with an effect (禁止 / 限制 / 要求) and its legal basis. Reading,
 * writing and validating the list belong here; matching it against a site's hits belongs to {@code analysis}.
 * See {@code docs/access-list.md}.
 */
package cn.ecozone.accesslist;
