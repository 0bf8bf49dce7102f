/**
 * Each network's metric names mapped to the common components the KPIs are defined over
 * (kpis.md): what a network does not give stays missing, several metrics of one component add up.
 */
import { metricCounts } from '../../plugins/campaign-ops/reporting/metric-components'

describe('the common components of a snapshot', () => {
  it('reads Facebook posts and videos, whose metrics differ', () => {
    expect(metricCounts('facebook', { post_media_view: 1000, post_total_media_view_unique: 800, post_reactions_by_type_total: 40, post_clicks: 12 })).toEqual({
      impressions: 1000,
      reach: 800,
      reactions: 40,
      comments: null,
      shares: null,
      saves: null,
      clicks: 12,
      videoViews: null,
      interactions: 40,
    })
    expect(metricCounts('facebook', { total_video_views: 300, total_video_impressions: 900, post_video_avg_time_watched: 4 })).toMatchObject({
      impressions: 900,
      videoViews: 300,
      interactions: null,
    })
  })

  it('adds X reposts and quotes as shares, and keeps a refused private metric missing', () => {
    expect(
      metricCounts('x', {
        impression_count: 3000,
        like_count: 30,
        retweet_count: 10,
        quote_count: 2,
        reply_count: 8,
        bookmark_count: 0,
        url_link_clicks: null,
      }),
    ).toEqual({
      impressions: 3000,
      reach: null,
      reactions: 30,
      comments: 8,
      shares: 12,
      saves: 0,
      clicks: null,
      videoViews: null,
      interactions: 50,
    })
  })

  it('counts a YouTube or TikTok view as an impression and a video view', () => {
    expect(metricCounts('youtube', { viewCount: 70, likeCount: 5, commentCount: 2, favoriteCount: 0 })).toMatchObject({
      impressions: 70,
      videoViews: 70,
      interactions: 7,
    })
    expect(metricCounts('tiktok', { view_count: 500, like_count: 40, comment_count: 3, share_count: 2 })).toMatchObject({
      impressions: 500,
      videoViews: 500,
      interactions: 45,
    })
  })

  it('reads Instagram and LinkedIn reach as the network reports it', () => {
    expect(metricCounts('instagram', { views: 2000, reach: 1000, likes: 50, comments: 10, shares: 5, saved: 5 })).toMatchObject({
      reach: 1000,
      interactions: 70,
    })
    expect(
      metricCounts('linkedin', { impressionCount: 400, uniqueImpressionsCount: 250, clickCount: 9, likeCount: 7, commentCount: 1, shareCount: 2 }),
    ).toMatchObject({
      reach: 250,
      clicks: 9,
      interactions: 10,
    })
  })

  it('leaves every component missing when the network gave nothing, never 0', () => {
    expect(Object.values(metricCounts('instagram', { views: null, reach: null }))).toEqual(Array(9).fill(null))
  })
})
