package cn.ecozone.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link WebMapFixture} with a fuller 准入清单: 总体准入要求 of 平城区 (区县), 大同市 (市) and 山西省 (省), and a ban on
 * 煤矸石 dumps in 云州南 for coal mining — what the public-disclosure views and the search are tested on.
 */
public final class AccessListWebFixture {
    public static final String COUNTY_TEXT = "平城区新建项目须落实主要污染物区域削减措施";
    public static final String CITY_TEXT = "大同市严格控制涉重金属行业新增产能";
    public static final String PROVINCE_TEXT = "山西省新建项目能效须达到行业先进水平";
    public static final String BAN_TEXT = "云州南禁止新建煤矸石堆场";
    static final String EXTRA = """
            [{"id": "PC-0001", "level": "区县", "scope": "山西省/大同市/平城区", "dimension": "污染物排放管控", "effect": "要求",
              "text": {"zh": "%s", "en": "New projects in Pingcheng offset their main pollutants"},
              "basis": {"issuer": "平城区", "document": "《平城区“十四五”生态环境保护规划》", "article": "§6.2"}},
             {"id": "DT-0001", "level": "市", "scope": "山西省/大同市", "dimension": "环境风险防控", "effect": "限制",
              "text": {"zh": "%s", "en": "Datong limits new heavy-metal capacity"},
              "basis": {"issuer": "大同市", "document": "《大同市“三线一单”生态环境分区管控实施方案》", "article": "附件2"}},
             {"id": "SX-0001", "level": "省", "scope": "山西省", "dimension": "资源利用效率", "effect": "要求",
              "text": {"zh": "%s", "en": "Shanxi: new projects meet advanced energy efficiency"},
              "basis": {"issuer": "山西省", "document": "《山西省“三线一单”生态环境分区管控实施意见》", "article": "三（四）"}},
             {"id": "ZH14021530002-B", "level": "单元", "scope": "ZH14021530002", "dimension": "空间布局约束", "effect": "禁止",
              "industries": ["coal"], "text": {"zh": "%s", "en": "No new coal-gangue dumps in Yunzhou South"},
              "basis": {"issuer": "云州区", "document": "《云州区“十四五”生态环境保护规划》", "article": "§7.3"}}]
            """.formatted(COUNTY_TEXT, CITY_TEXT, PROVINCE_TEXT, BAN_TEXT);

    private AccessListWebFixture() {}

    public static Path write(Path dir) {
        WebMapFixture.write(dir);
        try {
            ObjectMapper m = new ObjectMapper();
            Path file = dir.resolve("layers/access-list.json");
            ObjectNode list = (ObjectNode) m.readTree(Files.readString(file));
            ArrayNode rs = list.withArray("requirements");
            m.readTree(EXTRA).forEach(rs::add);
            Files.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
