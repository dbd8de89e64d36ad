package org.parboot;

import java.util.Objects;

/**
 * A setting of the Java API with a value it does not accept: the message names the setting as
 * the API spells it ({@code resamples 0 is out of range; accepted: 2 to ...}), and a front end
 * that spells it otherwise (the command line's {@code --resamples}) rewrites it with
 * {@link #messageFor(String)}, so the library never speaks of flags.
 */
public class InvalidSettingException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String value;
  private final String problem;
  private final String accepted;

  /**
   * @param setting the setting as the API names it, e.g. {@code resamples}, {@code blockLength}
   * @param value the bad value, shown as given (quote text values: {@link Messages#quote})
   * @param problem what is wrong, e.g. {@code is out of range}
   * @param accepted what would be accepted
   */
  public InvalidSettingException(String setting, String value, String problem, String accepted) {
    super(format(setting, value, problem, accepted));
    this.setting = Objects.requireNonNull(setting, "setting");
    this.value = value;
    this.problem = problem;
    this.accepted = accepted;
  }

  /** The setting as the API names it. */
  public String setting() {
    return setting;
  }

  /** The message with the setting spelt {@code spelling} instead, e.g. {@code --resamples}. */
  public String messageFor(String spelling) {
    return format(spelling, value, problem, accepted);
  }

  private static String format(String setting, String value, String problem, String accepted) {
    return setting + (value == null || value.isEmpty() ? "" : " " + value) + " " + problem + "; accepted: " + accepted;
  }
}
