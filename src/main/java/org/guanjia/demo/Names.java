package org.guanjia.demo;

/** Chinese names, places and phone numbers for the demo company. */
final class Names {

    private Names() {
    }

    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 "
            + "唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 "
            + "陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 "
            + "邵 万 钱 严 武 戴 莫 孔 向 汤 欧阳 司马").split(" ");

    private static final String[] GIVEN = ("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 "
            + "桂英 建华 文 华 红 玉兰 志强 海燕 婷 雪 慧 晨 浩 宇 欣怡 子涵 梓轩 俊杰 佳怡 思远 嘉怡 一鸣 "
            + "雨萱 建国 建军 丽娟 春梅 国强 志明 晓燕 海涛 玉梅 永刚 宏伟 淑珍 凤英 立新 美玲 晓东 丹 "
            + "鹏 斌 琳 颖 博 诗涵 子轩 浩然 雅婷 梦琪 振华 德华 秋菊 国庆 春燕 冬梅 海峰 小龙 晓明 "
            + "文静 家豪 俊宇 天佑 思琪 若曦 欣然 宁 悦 凯 旭 坤 毅").split(" ");

    private static final String[] ESTATES = {"翠湖花园", "锦绣华庭", "碧桂苑", "御景湾", "金色家园", "阳光新城",
        "海棠名苑", "紫荆山庄", "滨江一号", "书香门第", "丽都花园", "枫林晚苑"};

    private static final String[] CITIES = {"深圳", "广州", "佛山", "东莞", "珠海", "惠州"};

    private static final String[] DISTRICTS = {"南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "天河区",
        "越秀区", "海珠区", "番禺区", "禅城区"};

    private static final String[] ROADS = {"深南大道", "滨海大道", "中山路", "解放路", "人民路", "建设路", "华强北路",
        "科技园路", "学府路", "前进路", "新华路", "东风路"};

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    static String person(Dice dice) {
        return dice.pick(SURNAMES) + dice.pick(GIVEN);
    }

    /** A mobile number (11 digits). */
    static String mobile(Dice dice) {
        String[] prefixes = {"135", "136", "137", "138", "139", "150", "151", "158", "159", "186",
            "187", "188", "189", "177", "199"};
        return dice.pick(prefixes) + String.format("%08d", dice.between(0, 99_999_999));
    }

    static String estate(int index) {
        String base = ESTATES[index % ESTATES.length];
        int round = index / ESTATES.length;
        return round == 0 ? base : base + chineseNumber(round + 1) + "期";
    }

    static String city(int index) {
        return CITIES[index % CITIES.length];
    }

    /** A mailing address somewhere else, for owners who do not live in their unit. */
    static String address(Dice dice) {
        return "广东省" + dice.pick(CITIES) + "市" + dice.pick(DISTRICTS) + dice.pick(ROADS)
                + dice.between(1, 399) + "号" + dice.between(1, 30) + "栋" + dice.between(101, 2604) + "室";
    }

    /** 1-99 in Chinese numerals (一, 十二, 二十三). */
    static String chineseNumber(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : NUMERALS[tens - 1]) + "十" + (ones == 0 ? "" : NUMERALS[ones - 1]);
    }
}
