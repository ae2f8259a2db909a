package flynn.discoverd.dns;

/** How a query arrived: a UDP answer is kept small, a TCP one carries everything. */
public enum Transport {
  UDP,
  TCP
}
