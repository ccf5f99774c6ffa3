package dev.chorus.app;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chorus's settings, bound from the environment: {@code CHORUS_SECRET} and the outcome
 * thresholds {@code CHORUS_BROAD_SUPPORT}, {@code CHORUS_MAJORITY}.
 *
 * @param secret server secret for anonymous pseudonyms; never printed
 * @param broadSupport share of non-abstaining votes for broad support
 * @param majority share of non-abstaining votes a majority must exceed
 * @param publicUrl where people reach this deployment's web pages ({@code CHORUS_PUBLIC_URL}): shared reports
 */
@Validated
@ConfigurationProperties(prefix = "chorus")
public record ChorusProperties(
    @Nullable String secret,
    @DefaultValue("0.75") @DecimalMin("0.5") @DecimalMax("1.0") double broadSupport,
    @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("0.99") double majority,
    @DefaultValue("") @Pattern(regexp = "|https?://[A-Za-z0-9._~:/@!$'()*+,;=%-]+",
        message = "must be empty or a web address such as https://chorus.example.org") String publicUrl) {

  @Override
  public String toString() {
    return "ChorusProperties[secret=" + (secret == null ? "unset" : "hidden") + ", broadSupport=" + broadSupport + ", majority=" + majority
        + ", publicUrl=" + (publicUrl.isBlank() ? "unset" : publicUrl) + "]";
  }
}
