package flynn.gitreceive.push;

/** What a deploy tells the pusher, and whether the pusher is still there. */
public interface PushLog {
  /** Writes one {@code remote:} line to the pusher at once. */
  void line(String text);

  /** True once the pusher went away (Ctrl-C, a dropped connection): the deploy should stop. */
  boolean cancelled();
}
