package vn.thidua.evaluation.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The year-end review's settings: the province's rule-set overrides and how the documents name the department. */
@ConfigMapping(prefix = "thidua.review")
public interface ReviewSettings {

    /** The province's overrides file (titles module README, "How a province overrides"); unset: the default rule sets as shipped. */
    Optional<Path> provinceOverrides();

    /** The department as the documents head it (tên cơ quan), upper case. */
    @WithDefault("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    String agency();

    /** The authority above it (cơ quan chủ quản), upper case. */
    @WithDefault("UBND TỈNH THÁI NGUYÊN")
    String parentAgency();

    /** The place written before the date of a document (địa danh). */
    @WithDefault("Thái Nguyên")
    String place();
}
